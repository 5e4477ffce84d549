//! `cargo test` entry point: runs every feature against the implementation named by
//! `OLARK_IMPLEMENTATION` (default: the reference widget) in headless Firefox.

#[path = "mod.rs"]
mod steps;

fn main() -> std::process::ExitCode {
    steps::suite::main(std::env::args_os().collect())
}
