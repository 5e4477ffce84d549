//! olark-conformance: a harness that checks whether a JavaScript widget implements the
//! Olark live-chat API as documented.
//!
//! The library owns everything that is not a step definition: the mock Olark backend
//! ([`server`]), the WebDriver layer ([`browser`]), implementation profiles ([`profile`])
//! and the widget parts they map ([`parts`]),
//! the run's results and their report formats ([`report`]) and the options shared by
//! `cargo test` and the CLI ([`suite`]). The steps
//! live in `steps/` and are compiled into both the test target and the binary, because
//! cucumber only collects steps linked into the running binary.

pub mod browser;
pub mod matching;
pub mod parts;
pub mod profile;
pub mod report;
pub mod server;
pub mod suite;
