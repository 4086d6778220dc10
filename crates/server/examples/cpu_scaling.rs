//! How much of "two cores" this machine delivers to two busy threads: a
//! loop that touches no memory at all (xorshift in registers), timed alone
//! and then on every core at once, several times back to back.
//!
//! ```sh
//! cargo run --release -p deadbolt-server --example cpu_scaling -- [ROUNDS] [THREADS]
//! ```
//!
//! Prints one JSON line: the median time of the loop alone (`single_ms`),
//! the median wall time of THREADS copies at once (`parallel_ms`), and
//! `scaling = single_ms / parallel_ms` (1.0 = every core as fast as one
//! alone). On a machine whose cores are real and idle this is ~1.0; below it,
//! the second core is shared (SMT siblings, an oversubscribed host, a lower
//! all-core clock), and no program — Argon2 included — can reach `cores /
//! time alone`. `scripts/bench-login.sh` runs it beside `argon2_rate`.

use std::hint::black_box;
use std::time::Instant;

/// About 0.2 s of work on a 2.5 GHz core, in registers only.
fn spin(seed: u64) -> u64 {
    let mut y = seed | 1;
    for _ in 0..100_000_000u64 {
        y ^= y << 13;
        y ^= y >> 7;
        y ^= y << 17;
    }
    y
}

fn timed(threads: usize) -> f64 {
    let start = Instant::now();
    std::thread::scope(|s| {
        for t in 0..threads {
            s.spawn(move || black_box(spin(black_box(t as u64 + 1))));
        }
    });
    start.elapsed().as_secs_f64()
}

#[path = "common/median.rs"]
mod stats;
use stats::median;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let cores = std::thread::available_parallelism().map_or(2, |c| c.get());
    let threads: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(cores);
    let (mut single, mut parallel) = (Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        single.push(timed(1));
        parallel.push(timed(threads));
    }
    let (s, p) = (median(&mut single), median(&mut parallel));
    println!(
        "{{\"rounds\":{},\"cores\":{cores},\"threads\":{threads},\"single_ms\":{:.1},\"parallel_ms\":{:.1},\"scaling\":{:.3}}}",
        rounds.max(1),
        s * 1e3,
        p * 1e3,
        s / p
    );
}
