//! Step definitions and the cucumber runner, compiled into both the `conformance` test
//! target (`steps/main.rs`) and the `olark-conformance` binary (`src/main.rs`), because
//! cucumber only collects steps linked into the running binary.
//!
//! One vocabulary for all areas: see `docs/writing-scenarios.md` before adding a step.

pub mod appearance;
pub mod behaviour;
pub mod chatbox;
pub mod clock;
pub mod conversation;
pub mod operators;
pub mod page;
pub mod params;
pub mod recorder;
pub mod suite;
pub mod visitor;
pub mod world;
