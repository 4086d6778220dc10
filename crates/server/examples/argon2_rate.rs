//! Argon2id cost on this machine, with the server's parameters
//! (`Argon2Params::default()`, the same `argon2` calls as `crates/auth/src/password/hasher.rs`:
//! `hash_password_into_with_memory` in memory each thread allocates once and
//! reuses, as the server's hashing threads do, then compare with the stored hash).
//!
//! ```sh
//! cargo run --release -p deadbolt-server --example argon2_rate -- [N] [THREADS] [M_KIB T]
//! ```
//!
//! `M_KIB T` replace the server's memory and time costs, to compare OWASP's
//! equal-strength alternatives (m=47104,t=1 … m=7168,t=5) on this machine.
//!
//! Prints one JSON line: the median time of one verification run alone
//! (`single_ms`), the throughput with THREADS (default: available cores)
//! verifications running at once (`parallel_per_s`, `parallel_ms_each`), and
//! the physical ceiling `cores / single time` (`ceiling_per_s`).

use std::time::Instant;

use argon2::{Algorithm, Argon2, Block, Params, Version};
use deadbolt_server::Argon2Params;

fn argon(p: Argon2Params, out_len: Option<usize>) -> Argon2<'static> {
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(p.m_cost, p.t_cost, p.p_cost, out_len).expect("valid params"),
    )
}

/// One verification as `hasher.rs` does it since the hashing pool: the
/// thread's own Argon2 memory, allocated once and reused
/// (`hash_password_into_with_memory`), then a comparison with the stored hash.
fn verify_once(p: Argon2Params, salt: &[u8], expected: &[u8], memory: &mut Vec<Block>) -> f64 {
    let start = Instant::now();
    let mut out = vec![0u8; expected.len()];
    let blocks = p.m_cost as usize;
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    argon(p, Some(out.len()))
        .hash_password_into_with_memory(
            b"correct horse battery",
            salt,
            &mut out,
            &mut memory[..blocks],
        )
        .expect("argon2");
    assert_eq!(out.as_slice(), expected);
    start.elapsed().as_secs_f64()
}

#[path = "common/median.rs"]
mod stats;
use stats::median;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(40);
    let cores = std::thread::available_parallelism().map_or(2, |c| c.get());
    let threads: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(cores);
    let mut p = Argon2Params::default();
    if let (Some(m), Some(t)) = (args.next(), args.next()) {
        p.m_cost = m.parse().expect("M_KIB is a number of KiB");
        p.t_cost = t.parse().expect("T is a number of passes");
    }
    let salt = *b"deadbolt-bench-1";
    let mut expected = [0u8; 32];
    argon(p, Some(expected.len()))
        .hash_password_into(b"correct horse battery", &salt, &mut expected)
        .expect("hash");
    let mut memory = Vec::new();
    for _ in 0..3 {
        verify_once(p, &salt, &expected, &mut memory);
    }
    let mut single: Vec<f64> = (0..n)
        .map(|_| verify_once(p, &salt, &expected, &mut memory))
        .collect();
    let single_s = median(&mut single);

    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut memory = Vec::new();
                verify_once(p, &salt, &expected, &mut memory); // allocate before the timed loop
                for _ in 0..n {
                    verify_once(p, &salt, &expected, &mut memory);
                }
            });
        }
    });
    let wall = start.elapsed().as_secs_f64();
    let parallel_per_s = (n * threads) as f64 / wall;
    println!(
        "{{\"m_cost\":{},\"t_cost\":{},\"p_cost\":{},\"n\":{},\"cores\":{},\"threads\":{},\
         \"single_ms\":{:.3},\"ceiling_per_s\":{:.2},\"parallel_per_s\":{:.2},\"parallel_ms_each\":{:.3}}}",
        p.m_cost,
        p.t_cost,
        p.p_cost,
        n,
        cores,
        threads,
        single_s * 1e3,
        cores as f64 / single_s,
        parallel_per_s,
        threads as f64 / parallel_per_s * 1e3
    );
}
