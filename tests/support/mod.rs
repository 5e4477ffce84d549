//! What the suite's self-tests share: running the `olark-conformance` binary on an
//! implementation with a JSON report, and reading that report back.

// Each self-test uses part of what is here.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde::Deserialize;

/// One scenario's line of the JSON report (`--report`).
#[derive(Debug, Deserialize)]
pub struct Outcome {
    pub call: String,
    pub scenario: String,
    pub outcome: String,
    #[serde(default)]
    pub message: Option<String>,
    /// The widget parts the scenario's steps read.
    #[serde(default)]
    pub parts: Vec<String>,
}

#[derive(Deserialize)]
struct Report {
    results: Vec<Outcome>,
}

/// A finished run: its results, how long it took, and the last lines it printed.
pub struct Run {
    pub results: Vec<Outcome>,
    pub wall: Duration,
    pub exit_code: Option<i32>,
    pub tail: String,
}

/// Runs the suite (`olark-conformance run …`) against `implementation`, with `extra`
/// options, its artifacts and report inside `dir`.
pub fn run_suite(implementation: &Path, dir: &Path, extra: &[String]) -> Result<Run, String> {
    let report = dir.join("report.json");
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_olark-conformance"))
        .arg("run")
        .arg("--implementation")
        .arg(implementation)
        .arg("--artifacts")
        .arg(dir.join("artifacts"))
        .arg("--report")
        .arg(&report)
        .args(extra)
        .output()
        .map_err(|e| format!("failed to start olark-conformance: {e}"))?;
    let wall = started.elapsed();
    let tail = tail(&String::from_utf8_lossy(&output.stdout));
    let text = std::fs::read_to_string(&report)
        .map_err(|e| format!("the run wrote no report ({e}); its output ended with: {tail}"))?;
    let results = serde_json::from_str::<Report>(&text)
        .map(|r| r.results)
        .map_err(|e| format!("failed to read the run's report: {e}"))?;
    Ok(Run {
        results,
        wall,
        exit_code: output.status.code(),
        tail,
    })
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(3)..].join(" | ")
}
