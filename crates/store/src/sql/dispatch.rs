//! The [`Store`] trait's implementation for [`SqlStore`]: one line per
//! method, handing it to the module of its aggregate (kept apart from
//! `mod.rs`, which has the store itself: connecting and the write
//! discipline).

use super::*;

#[async_trait]
impl Store for SqlStore {
    async fn ping(&self) -> Result<()> {
        let one: i64 = sqlx::query_scalar("SELECT 1").fetch_one(&self.pool).await?;
        debug_assert_eq!(one, 1);
        Ok(())
    }
    async fn schema_versions(&self) -> Result<(Option<i64>, i64)> {
        Ok((self.schema_version().await?, Self::known_schema_version()))
    }
    fn pool_stats(&self) -> PoolStats {
        PoolStats {
            size: self.pool.size(),
            idle: u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX),
            max: self.pool.options().get_max_connections(),
        }
    }

    async fn create_user(&self, user: &NewUser<'_>, now: i64) -> Result<User> {
        users::create(self, user, now).await
    }
    async fn users_without_skeleton(&self) -> Result<Vec<(UserId, String)>> {
        users::without_skeleton(self).await
    }
    async fn set_username_skeleton(&self, user_id: UserId, skeleton: &str) -> Result<()> {
        users::set_skeleton(self, user_id, skeleton).await
    }
    async fn user_by_key(&self, username_key: &str) -> Result<Option<User>> {
        users::by_key(self, username_key).await
    }
    async fn user_by_id(&self, id: UserId) -> Result<Option<User>> {
        users::by_id(self, id).await
    }
    async fn list_users(&self) -> Result<Vec<UserSummary>> {
        users::list(self).await
    }
    async fn set_password_hash(&self, user_id: UserId, password_hash: &PasswordHash) -> Result<()> {
        users::set_password_hash(self, user_id, password_hash).await
    }

    async fn user_groups(&self, user_id: UserId) -> Result<Vec<String>> {
        access::groups(self, user_id).await
    }
    async fn add_user_group(
        &self,
        user_id: UserId,
        group: &str,
        by: &str,
        now: i64,
    ) -> Result<bool> {
        access::add_group(self, user_id, group, by, now).await
    }
    async fn remove_user_group(
        &self,
        user_id: UserId,
        group: &str,
        by: &str,
        now: i64,
    ) -> Result<bool> {
        access::remove_group(self, user_id, group, by, now).await
    }
    async fn set_user_disabled(
        &self,
        user_id: UserId,
        disabled: bool,
        by: &str,
        now: i64,
    ) -> Result<bool> {
        access::set_disabled(self, user_id, disabled, by, now).await
    }
    async fn create_enrolled_user(
        &self,
        user: &NewUser<'_>,
        groups: &[&str],
        token: &EnrolmentToken<'_>,
    ) -> Result<User> {
        access::create_enrolled(self, user, groups, token).await
    }
    async fn enrolment_user(&self, token_hash: &[u8], now: i64) -> Result<Option<User>> {
        access::enrolment_user(self, token_hash, now).await
    }
    async fn complete_enrolment(
        &self,
        token_hash: &[u8],
        password_hash: &PasswordHash,
        now: i64,
    ) -> Result<Option<UserId>> {
        access::complete_enrolment(self, token_hash, password_hash, now).await
    }
    async fn reissue_enrolment(&self, user_id: UserId, token: &EnrolmentToken<'_>) -> Result<bool> {
        access::reissue_enrolment(self, user_id, token).await
    }

    async fn confirmed_device(&self, user_id: UserId) -> Result<Option<Device>> {
        devices::confirmed(self, user_id).await
    }
    async fn pending_device(&self, user_id: UserId) -> Result<Option<Device>> {
        devices::pending(self, user_id).await
    }
    async fn put_pending_device(
        &self,
        user_id: UserId,
        now: i64,
        seal: &(dyn Fn(i64) -> Option<Vec<u8>> + Send + Sync),
    ) -> Result<Device> {
        devices::put_pending(self, user_id, now, seal).await
    }
    async fn confirm_device(&self, user_id: UserId, device_id: i64, step: i64) -> Result<bool> {
        devices::confirm(self, user_id, device_id, step).await
    }
    async fn accept_step(&self, device_id: i64, step: i64) -> Result<bool> {
        devices::accept_step(self, device_id, step).await
    }
    async fn remove_two_factor(&self, user_id: UserId) -> Result<()> {
        devices::remove_two_factor(self, user_id).await
    }
    async fn remove_authenticator(&self, user_id: UserId) -> Result<bool> {
        devices::remove_authenticator(self, user_id).await
    }
    async fn all_devices(&self) -> Result<Vec<Device>> {
        devices::all(self).await
    }
    async fn reseal_devices(&self, sealed: &[(i64, Vec<u8>)]) -> Result<()> {
        devices::reseal(self, sealed).await
    }

    async fn key_checks(&self) -> Result<Vec<(u32, Vec<u8>)>> {
        keys::all(self).await
    }
    async fn add_key_check(&self, key_id: u32, sealed: &[u8], now: i64) -> Result<()> {
        keys::add(self, key_id, sealed, now).await
    }

    async fn replace_backup_codes(
        &self,
        user_id: UserId,
        hashes: &[Vec<u8>],
        now: i64,
    ) -> Result<()> {
        backup_codes::replace(self, user_id, hashes, now).await
    }
    async fn spend_backup_code(&self, user_id: UserId, hash: &[u8], now: i64) -> Result<bool> {
        backup_codes::spend(self, user_id, hash, now).await
    }
    async fn backup_codes_remaining(&self, user_id: UserId) -> Result<i64> {
        backup_codes::remaining(self, user_id).await
    }

    async fn create_session(&self, session: &SessionRecord) -> Result<()> {
        sessions::create(self, session).await
    }
    async fn open_session_as(
        &self,
        old_hash: Option<&[u8]>,
        new: &SessionRecord,
        events: &[EventKind],
        language: Option<&str>,
    ) -> Result<()> {
        login::open_session(self, old_hash, new, events, language).await
    }
    async fn pass_second_factor(&self, step: &SecondFactorStep<'_>) -> Result<StepOutcome> {
        login::pass_second_factor(self, step).await
    }
    async fn session(&self, token_hash: &[u8]) -> Result<Option<SessionRecord>> {
        sessions::by_hash(self, token_hash).await
    }
    async fn session_view(&self, token_hash: &[u8]) -> Result<Option<SessionView>> {
        sessions::view(self, token_hash).await
    }
    async fn touch_session(&self, token_hash: &[u8], now: i64) -> Result<()> {
        sessions::touch(self, token_hash, now).await
    }
    async fn mark_second_factor(&self, token_hash: &[u8], now: i64) -> Result<bool> {
        sessions::mark_second_factor(self, token_hash, now).await
    }
    async fn delete_session(&self, token_hash: &[u8]) -> Result<bool> {
        sessions::delete(self, token_hash).await
    }
    async fn delete_user_session(&self, user_id: UserId, token_hash: &[u8]) -> Result<bool> {
        sessions::delete_of_user(self, user_id, token_hash).await
    }
    async fn delete_user_sessions(&self, user_id: UserId, keep: Option<&[u8]>) -> Result<u64> {
        sessions::delete_all_of_user(self, user_id, keep).await
    }
    async fn user_sessions(&self, user_id: UserId) -> Result<Vec<SessionRecord>> {
        sessions::of_user(self, user_id).await
    }
    async fn purge_sessions(&self, now: i64, idle_cutoff: i64) -> Result<u64> {
        sessions::purge(self, now, idle_cutoff).await
    }

    async fn record_event(
        &self,
        user_id: UserId,
        kind: &EventKind,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<()> {
        events::record(self, user_id, kind, ip, user_agent, now).await
    }
    async fn events(&self, user_id: UserId, limit: i64) -> Result<Vec<Event>> {
        events::recent(self, user_id, limit).await
    }

    async fn request_email_change(
        &self,
        user_id: UserId,
        email: &str,
        token: &MailedToken<'_>,
    ) -> Result<()> {
        mail::request_email_change(self, user_id, email, token).await
    }
    async fn verify_email(
        &self,
        token_hash: &[u8],
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Option<(UserId, String)>> {
        mail::verify_email(self, token_hash, ip, user_agent, now).await
    }
    async fn request_password_reset(
        &self,
        lookup: ResetLookup<'_>,
        token: &MailedToken<'_>,
    ) -> Result<bool> {
        mail::request_password_reset(self, lookup, token).await
    }
    async fn reset_token_user(&self, token_hash: &[u8], now: i64) -> Result<Option<UserId>> {
        mail::reset_token_user(self, token_hash, now).await
    }
    async fn complete_password_reset(
        &self,
        token_hash: &[u8],
        user_id: UserId,
        password_hash: &PasswordHash,
        session: &SessionRecord,
    ) -> Result<bool> {
        mail::complete_password_reset(self, token_hash, user_id, password_hash, session).await
    }
    async fn set_user_language(&self, user_id: UserId, language: &str) -> Result<bool> {
        users::set_language(self, user_id, language).await
    }
    async fn set_notify_new_browser(&self, user_id: UserId, on: bool) -> Result<()> {
        mail::set_notify_new_browser(self, user_id, on).await
    }
    async fn claim_outbox(
        &self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<OutboxMail>> {
        mail::claim(self, now, lease_until, limit).await
    }
    async fn outbox_sent(&self, id: i64, now: i64) -> Result<()> {
        mail::mark_sent(self, id, now).await
    }
    async fn outbox_retry(&self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        mail::mark_retry(self, id, next_attempt_at, error).await
    }
    async fn outbox_give_up(&self, mail: &OutboxMail, now: i64, error: &str) -> Result<()> {
        mail::mark_gave_up(self, mail, now, error).await
    }
    async fn outbox_due(&self, now: i64) -> Result<bool> {
        mail::due(self, now).await
    }
    async fn purge_mail(&self, now: i64) -> Result<u64> {
        mail::purge(self, now).await
    }
    async fn outbox_depth(&self) -> Result<OutboxDepth> {
        mail::depth(self).await
    }

    async fn passkeys(&self, user_id: UserId) -> Result<Vec<Passkey>> {
        passkeys::of_user(self, user_id).await
    }
    async fn add_passkey(
        &self,
        new: &NewPasskey<'_>,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Passkey> {
        passkeys::add(self, new, ip, user_agent, now).await
    }
    async fn rename_passkey(&self, user_id: UserId, id: i64, name: &str) -> Result<bool> {
        passkeys::rename(self, user_id, id, name).await
    }
    async fn remove_passkey(
        &self,
        user_id: UserId,
        id: i64,
        keep_session: &[u8],
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Option<RemovedPasskey>> {
        let from = passkeys::From {
            ip,
            user_agent,
            now,
        };
        passkeys::remove(self, user_id, id, keep_session, from).await
    }
    async fn remove_all_factors(&self, user_id: UserId) -> Result<u64> {
        passkeys::remove_all_factors(self, user_id).await
    }
    async fn put_ceremony(
        &self,
        key: CeremonyKey<'_>,
        user_id: Option<UserId>,
        state: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<()> {
        passkeys::put_ceremony(self, key, user_id, state, expires_at, now).await
    }
    async fn take_ceremony(&self, key: CeremonyKey<'_>, now: i64) -> Result<Option<String>> {
        passkeys::take_ceremony(self, key, now).await
    }
    async fn ceremony_with_passkey(
        &self,
        key: CeremonyKey<'_>,
        credential_id: &[u8],
        now: i64,
    ) -> Result<CeremonyRead> {
        passkeys::ceremony_with_passkey(self, key, credential_id, now).await
    }
    async fn drop_ceremony(
        &self,
        key: CeremonyKey<'_>,
        budget: Option<BudgetSpec<'_>>,
        now: i64,
    ) -> Result<Budget> {
        passkeys::drop_ceremony(self, key, budget, now).await
    }
    async fn pass_passkey(&self, step: &PasskeyStep<'_>) -> Result<PasskeyOutcome> {
        passkeys::pass(self, step).await
    }

    async fn oidc_add_client(&self, client: &OidcClient) -> Result<()> {
        oidc::add_client(self, client).await
    }
    async fn oidc_clients(&self) -> Result<Vec<OidcClient>> {
        oidc::clients(self).await
    }
    async fn oidc_client(&self, client_id: &str) -> Result<Option<OidcClient>> {
        oidc::client(self, client_id).await
    }
    async fn oidc_remove_client(&self, name: &str) -> Result<bool> {
        oidc::remove_client(self, name).await
    }
    async fn oidc_consent(&self, user_id: UserId, client_id: &str) -> Result<Option<String>> {
        oidc::consent(self, user_id, client_id).await
    }
    async fn oidc_put_consent(
        &self,
        user_id: UserId,
        client_id: &str,
        scopes: &str,
        now: i64,
    ) -> Result<()> {
        oidc::put_consent(self, user_id, client_id, scopes, now).await
    }
    async fn oidc_user_consents(&self, user_id: UserId) -> Result<Vec<OidcConsent>> {
        oidc::user_consents(self, user_id).await
    }
    async fn oidc_revoke_consent(&self, user_id: UserId, client_id: &str) -> Result<bool> {
        oidc::revoke_consent(self, user_id, client_id).await
    }
    async fn oidc_put_code(&self, code: &OidcCode) -> Result<()> {
        oidc_tokens::put_code(self, code).await
    }
    async fn oidc_code(&self, code_hash: &[u8]) -> Result<Option<OidcCodeView>> {
        oidc_tokens::code(self, code_hash).await
    }
    async fn oidc_redeem_code(
        &self,
        code_hash: &[u8],
        grant: &NewGrant<'_>,
        tokens: &IssuedTokens<'_>,
    ) -> Result<RedeemOutcome> {
        oidc_tokens::redeem_code(self, code_hash, grant, tokens).await
    }
    async fn oidc_token(&self, token_hash: &[u8]) -> Result<Option<OidcTokenInfo>> {
        oidc_tokens::token(self, token_hash).await
    }
    async fn oidc_rotate_refresh(
        &self,
        old_hash: &[u8],
        grant_id: i64,
        tokens: &IssuedTokens<'_>,
        now: i64,
    ) -> Result<RefreshOutcome> {
        oidc_tokens::rotate_refresh(self, old_hash, grant_id, tokens, now).await
    }
    async fn oidc_revoke_grant(&self, grant_id: i64) -> Result<bool> {
        oidc_tokens::revoke_grant(self, grant_id).await
    }
    async fn oidc_revoke_token(&self, token_hash: &[u8]) -> Result<bool> {
        oidc_tokens::revoke_token(self, token_hash).await
    }
    async fn oidc_keys(&self) -> Result<Vec<SigningKeyRow>> {
        oidc::keys(self).await
    }
    async fn oidc_add_key(&self, key: &SigningKeyRow, retire: bool) -> Result<bool> {
        oidc::add_key(self, key, retire).await
    }
    async fn oidc_drop_retired_keys(&self, cutoff: i64) -> Result<u64> {
        oidc::drop_retired_keys(self, cutoff).await
    }
    async fn oidc_purge(&self, now: i64) -> Result<u64> {
        oidc_tokens::purge(self, now).await
    }

    async fn take_budget(&self, budget: BudgetSpec<'_>, now: i64) -> Result<Budget> {
        budgets::take(self, budget, now).await
    }
    async fn refund_budget(&self, budget: BudgetSpec<'_>) -> Result<()> {
        budgets::refund(self, budget).await
    }
    async fn budget_wait(&self, budget: BudgetSpec<'_>, now: i64) -> Result<i64> {
        budgets::wait(self, budget, now).await
    }
    async fn purge_budgets(&self, now: i64) -> Result<u64> {
        budgets::purge(self, now).await
    }
}
