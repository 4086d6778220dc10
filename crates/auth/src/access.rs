//! Access rules for forward-auth: the operator's `[access_control]` table,
//! checked once at start ([`AccessRules::compile`]), and the one decision
//! every proxied request gets ([`AccessRules::decide`]).
//!
//! Rules are tried in order and the first whose domain, resources, methods
//! and subject all match decides; none matching, `default_policy` does. A
//! rule with a subject cannot be judged for a visitor who is not signed in:
//! reaching one sends them to the login (after it, the rule is judged
//! again). Regexes are compiled here, once; a bad regex, an unknown policy
//! or method, an unknown subject kind, or a rule that can never match
//! refuses the whole configuration, naming the rule and the reason.

use regex::RegexSet;
use serde::Deserialize;

use crate::sessions::SessionInfo;
use deadbolt_store::Stage;

/// What a rule (or the default) asks of a visitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Anyone, signed in or not.
    Bypass,
    /// A signed-in user (a full session).
    OneFactor,
    /// A signed-in user who passed a second factor in this session.
    TwoFactor,
    /// No one.
    Deny,
}

impl Policy {
    /// Parse the TOML word.
    pub fn parse(s: &str) -> Option<Policy> {
        Some(match s {
            "bypass" => Policy::Bypass,
            "one_factor" => Policy::OneFactor,
            "two_factor" => Policy::TwoFactor,
            "deny" => Policy::Deny,
            _ => return None,
        })
    }
    /// The TOML word.
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Bypass => "bypass",
            Policy::OneFactor => "one_factor",
            Policy::TwoFactor => "two_factor",
            Policy::Deny => "deny",
        }
    }
}

/// `[access_control]` as written in the TOML file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessControlSpec {
    /// `bypass | one_factor | two_factor | deny`; `deny` when absent.
    pub default_policy: Option<String>,
    /// `[[access_control.rules]]`, first match wins.
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
}

/// One `[[access_control.rules]]` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Exact hosts or `*.suffix`.
    #[serde(default)]
    pub domain: Vec<String>,
    /// Regexes on the path and query (any may match); absent: every path.
    pub resources: Option<Vec<String>>,
    /// HTTP methods; absent: every method.
    pub methods: Option<Vec<String>>,
    /// `user:NAME` or `group:NAME` (any may match); absent: everyone.
    pub subject: Option<Vec<String>>,
    /// `bypass | one_factor | two_factor | deny`.
    pub policy: String,
}

/// A configuration refused at start: which rule (1-based; `None` for the
/// table itself) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("access_control{}: {reason}", rule.map(|n| format!(" rule {n}")).unwrap_or_default())]
pub struct AccessConfigError {
    /// The rule's number, from 1, in file order.
    pub rule: Option<usize>,
    /// Plain words.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Domain {
    Exact(String),
    /// `*.example.com` → `.example.com`.
    Suffix(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    User(String),
    Group(String),
}

#[derive(Debug, Clone)]
struct Rule {
    domains: Vec<Domain>,
    resources: Option<RegexSet>,
    methods: Option<Vec<String>>,
    subjects: Option<Vec<Subject>>,
    policy: Policy,
}

/// The compiled rule set (cheap to share: build it once, wrap it in an `Arc`).
#[derive(Debug, Clone)]
pub struct AccessRules {
    default: Policy,
    rules: Vec<Rule>,
}

/// The request a proxy asks about.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The HTTP method, upper case.
    pub method: &'a str,
    /// The host, lower case, without port.
    pub host: &'a str,
    /// The path and the query (`/a/b?c=d`).
    pub path_and_query: &'a str,
}

impl<'a> Target<'a> {
    /// The target of `method` on `url` (`path_and_query` is kept by the
    /// caller: [`path_and_query`] makes it).
    pub fn of(method: &'a str, url: &'a url::Url, path_and_query: &'a str) -> Self {
        Target {
            method,
            host: url.host_str().unwrap_or_default(),
            path_and_query,
        }
    }
}

/// A URL's path and query, as resource regexes see them (`/a/b?c=d`).
pub fn path_and_query(url: &url::Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_owned(),
    }
}

/// Who is asking, as far as the rules care.
#[derive(Debug, Clone, Copy)]
pub struct Visitor<'a> {
    /// The username (compared case-insensitively with `user:` subjects).
    pub username: &'a str,
    /// The user's groups.
    pub groups: &'a [String],
}

/// Which rule decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// Rule number (from 1) and its policy.
    Rule(usize, Policy),
    /// A rule with a subject, reached by a visitor who is not signed in.
    NeedsIdentity(usize),
    /// No rule matched.
    Default(Policy),
}

/// The answer for one proxied request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Let it through; `Some` names the signed-in user for the `Remote-*` headers.
    Allow(Option<Identity>),
    /// Not signed in, or one factor where two are required: to the login.
    Login,
    /// Two factors are required and the user has none set up: to the set-up.
    SetUpSecondFactor,
    /// Signed in (or not) and not allowed.
    Forbidden,
}

/// The `Remote-*` headers' values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `Remote-User`.
    pub user: String,
    /// `Remote-Name`.
    pub name: String,
    /// `Remote-Email` (empty when unknown).
    pub email: String,
    /// `Remote-Groups`, comma-separated.
    pub groups: String,
}

const METHODS: &[&str] = &[
    "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE",
];

fn valid_group(g: &str) -> bool {
    !g.is_empty()
        && g.len() <= 64
        && g.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

/// A group name as the rules and the store keep it: lower case ASCII
/// letters, digits, `-`, `_`, `.`; 1 to 64 characters.
pub fn normalize_group(g: &str) -> Option<String> {
    let g = g.trim().to_ascii_lowercase();
    valid_group(&g).then_some(g)
}

fn valid_host_label(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

fn compile_rule(spec: &RuleSpec) -> Result<Rule, String> {
    let policy = Policy::parse(&spec.policy).ok_or_else(|| {
        format!(
            "unknown policy {:?} (bypass, one_factor, two_factor or deny)",
            spec.policy
        )
    })?;
    if spec.domain.is_empty() {
        return Err("domain is empty: the rule can never match".into());
    }
    let mut domains = Vec::new();
    for d in &spec.domain {
        let lower = d.trim().to_ascii_lowercase();
        let (domain, host) = match lower.strip_prefix("*.") {
            Some(rest) => (Domain::Suffix(format!(".{rest}")), rest.to_owned()),
            None => (Domain::Exact(lower.clone()), lower.clone()),
        };
        if !valid_host_label(&host) {
            return Err(format!(
                "domain {d:?} is not a host name or *.suffix (no scheme, port, path or other wildcard): the rule can never match"
            ));
        }
        domains.push(domain);
    }
    let resources = match &spec.resources {
        None => None,
        Some(r) if r.is_empty() => {
            return Err("resources is empty: the rule can never match".into());
        }
        Some(r) => Some(RegexSet::new(r).map_err(|e| format!("invalid regex in resources: {e}"))?),
    };
    let methods = match &spec.methods {
        None => None,
        Some(m) if m.is_empty() => {
            return Err("methods is empty: the rule can never match".into());
        }
        Some(m) => {
            let mut out = Vec::new();
            for method in m {
                let up = method.trim().to_ascii_uppercase();
                if !METHODS.contains(&up.as_str()) {
                    return Err(format!(
                        "unknown method {method:?}: the rule can never match"
                    ));
                }
                out.push(up);
            }
            Some(out)
        }
    };
    let subjects = match &spec.subject {
        None => None,
        Some(s) if s.is_empty() => {
            return Err("subject is empty: the rule can never match".into());
        }
        Some(s) => {
            let mut out = Vec::new();
            for subject in s {
                out.push(if let Some(u) = subject.strip_prefix("user:") {
                    if u.trim().is_empty() {
                        return Err(format!("subject {subject:?} names no user"));
                    }
                    Subject::User(u.trim().to_lowercase())
                } else if let Some(g) = subject.strip_prefix("group:") {
                    Subject::Group(normalize_group(g).ok_or_else(|| {
                        format!("subject {subject:?}: a group is a-z, 0-9, -, _ or . (64 at most)")
                    })?)
                } else {
                    return Err(format!(
                        "unknown subject {subject:?} (user:NAME or group:NAME)"
                    ));
                });
            }
            Some(out)
        }
    };
    if policy == Policy::Bypass && subjects.is_some() {
        return Err(
            "a bypass rule cannot have a subject (bypass does not ask who is there)".into(),
        );
    }
    Ok(Rule {
        domains,
        resources,
        methods,
        subjects,
        policy,
    })
}

impl Rule {
    /// Why the rule does not apply to `target` (ignoring the subject), or `None`.
    fn mismatch(&self, t: &Target<'_>) -> Option<&'static str> {
        let host_ok = self.domains.iter().any(|d| match d {
            Domain::Exact(h) => h == t.host,
            Domain::Suffix(s) => t.host.len() > s.len() && t.host.ends_with(s.as_str()),
        });
        if !host_ok {
            return Some("domain does not match");
        }
        if let Some(m) = &self.methods
            && !m.iter().any(|m| m == t.method)
        {
            return Some("method does not match");
        }
        if let Some(r) = &self.resources
            && !r.is_match(t.path_and_query)
        {
            return Some("no resource regex matches");
        }
        None
    }

    fn subject_matches(&self, v: &Visitor<'_>) -> bool {
        let Some(subjects) = &self.subjects else {
            return true;
        };
        let user = v.username.to_lowercase();
        subjects.iter().any(|s| match s {
            Subject::User(u) => *u == user,
            Subject::Group(g) => v.groups.iter().any(|x| x == g),
        })
    }
}

impl AccessRules {
    /// Check and compile the operator's table. Every rule is checked, and
    /// the first fault is reported with its rule number.
    pub fn compile(spec: &AccessControlSpec) -> Result<AccessRules, AccessConfigError> {
        let default = match spec.default_policy.as_deref() {
            None => Policy::Deny,
            Some(p) => Policy::parse(p).ok_or_else(|| AccessConfigError {
                rule: None,
                reason: format!(
                    "unknown default_policy {p:?} (bypass, one_factor, two_factor or deny)"
                ),
            })?,
        };
        let rules = spec
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                compile_rule(r).map_err(|reason| AccessConfigError {
                    rule: Some(i + 1),
                    reason,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AccessRules { default, rules })
    }

    /// No rules and `default_policy = "deny"` (what a server without an
    /// `[access_control]` table answers).
    pub fn deny_all() -> AccessRules {
        AccessRules {
            default: Policy::Deny,
            rules: Vec::new(),
        }
    }

    /// The first rule that applies to `target` and `visitor` (`None`: not signed in).
    pub fn matching(&self, target: &Target<'_>, visitor: Option<&Visitor<'_>>) -> Matched {
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.mismatch(target).is_some() {
                continue;
            }
            match visitor {
                None if rule.subjects.is_some() => return Matched::NeedsIdentity(i + 1),
                Some(v) if !rule.subject_matches(v) => continue,
                _ => return Matched::Rule(i + 1, rule.policy),
            }
        }
        Matched::Default(self.default)
    }

    /// One line per rule tried, then the outcome (`deadbolt access check`).
    pub fn explain(&self, target: &Target<'_>, visitor: Option<&Visitor<'_>>) -> Vec<String> {
        let mut lines = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            let why = match (rule.mismatch(target), visitor) {
                (Some(why), _) => why,
                (None, None) if rule.subjects.is_some() => {
                    lines.push(format!(
                        "rule {}: matches, but names a subject: who is there must sign in first",
                        i + 1
                    ));
                    return lines;
                }
                (None, Some(v)) if !rule.subject_matches(v) => "subject does not match",
                (None, _) => {
                    lines.push(format!(
                        "rule {}: matches (domain, resources, methods, subject): policy {}",
                        i + 1,
                        rule.policy.as_str()
                    ));
                    return lines;
                }
            };
            lines.push(format!("rule {}: skipped, {why}", i + 1));
        }
        lines.push(format!(
            "no rule matches: default_policy {}",
            self.default.as_str()
        ));
        lines
    }

    /// The decision for `target` and the caller's session (`None`: no
    /// session; a pending one counts as none).
    pub fn decide(&self, target: &Target<'_>, session: Option<&SessionInfo>) -> Decision {
        let session = session.filter(|s| s.stage == Stage::Full);
        let visitor = session.map(|s| Visitor {
            username: &s.username,
            groups: &s.groups,
        });
        let identity = || {
            session.map(|s| Identity {
                user: s.username.clone(),
                name: s.username.clone(),
                email: s.email.clone().unwrap_or_default(),
                groups: s.groups.join(","),
            })
        };
        let policy = match self.matching(target, visitor.as_ref()) {
            Matched::NeedsIdentity(_) => return Decision::Login,
            Matched::Rule(_, p) | Matched::Default(p) => p,
        };
        match (policy, session) {
            (Policy::Bypass, _) => Decision::Allow(identity()),
            (Policy::Deny, _) => Decision::Forbidden,
            (_, None) => Decision::Login,
            (Policy::OneFactor, Some(_)) => Decision::Allow(identity()),
            (Policy::TwoFactor, Some(s)) if !s.two_factor_enabled => Decision::SetUpSecondFactor,
            (Policy::TwoFactor, Some(s)) if s.second_factor_at.is_none() => Decision::Login,
            (Policy::TwoFactor, Some(_)) => Decision::Allow(identity()),
        }
    }
}

#[cfg(test)]
mod tests;
