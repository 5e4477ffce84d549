//! The browser layer: driver processes ([`driver`]), capabilities ([`capabilities`]), a
//! pool of reusable sessions ([`pool`]) and what is saved when a scenario fails
//! ([`artifacts`]).
//!
//! Sessions are expensive (Firefox takes seconds to start), so the pool keeps a fixed
//! number alive for the whole run; scenarios get isolation from their own origin instead.

pub mod artifacts;
pub mod capabilities;
pub mod driver;
pub mod pool;

pub use driver::BrowserKind;
pub use pool::{Pool, PoolOptions, Session};

/// Errors of the browser layer. All of them are harness faults, never conformance
/// failures of the implementation.
#[derive(Debug, thiserror::Error)]
pub enum BrowserError {
    #[error("{what} not found on PATH (run ci/setup)")]
    NotInstalled { what: &'static str },
    #[error("failed to start {what}: {detail}")]
    Start { what: String, detail: String },
    #[error("failed to open a WebDriver session: {0}")]
    Session(String),
    #[error("failed to get a browser session: the pool is shut down")]
    PoolClosed,
}
