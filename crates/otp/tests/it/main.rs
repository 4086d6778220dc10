//! The one integration-test binary of deadbolt-otp (one binary links once).

mod props;
mod robustness;
mod vectors;
