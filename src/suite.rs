//! What `cargo test` and `olark-conformance run` share: the options, the harness that
//! owns the server, the session pool and the profile for one run, and the report that
//! turns scenario outcomes into a result per documented call.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::browser::{self, BrowserError, BrowserKind, Pool, PoolOptions};
use crate::profile::{Profile, ProfileError};
use crate::server::{Server, ServerError};

/// Options of a conformance run (also accepted by `cargo test --test conformance -- …`).
#[derive(Debug, Clone, clap::Args)]
pub struct SuiteOptions {
    /// Implementation under test: a profile.toml or a directory holding one.
    #[arg(long, env = "OLARK_IMPLEMENTATION", default_value = default_path("implementations/reference"))]
    pub implementation: PathBuf,
    /// Browser to drive.
    #[arg(long, env = "OLARK_BROWSER", value_enum, default_value_t = BrowserKind::Firefox)]
    pub browser: BrowserKind,
    /// Browser sessions kept alive and reused; also the number of concurrent scenarios.
    #[arg(long, env = "OLARK_SESSIONS", default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
    pub sessions: u16,
    /// Show the browser windows instead of running headless.
    #[arg(long)]
    pub headed: bool,
    /// Directory of .feature files (or one file).
    #[arg(long, default_value = default_path("features"))]
    pub features: PathBuf,
    /// The fixture site served to the browser.
    #[arg(long, default_value = default_path("fixtures-site"))]
    pub fixtures: PathBuf,
    /// Where failed scenarios leave screenshots, page HTML and logs.
    #[arg(long, default_value = default_path("target/conformance-artifacts"))]
    pub artifacts: PathBuf,
    /// Also write every scenario's result as JSON to this file (for CI and tools).
    #[arg(long, env = "OLARK_REPORT")]
    pub report: Option<PathBuf>,
}

/// Paths default to the source tree this binary was built from, so both `cargo test`
/// and `cargo run -- run` work from any directory.
const fn default_path(rel: &'static str) -> &'static str {
    match rel.as_bytes() {
        b"implementations/reference" => {
            concat!(env!("CARGO_MANIFEST_DIR"), "/implementations/reference")
        }
        b"features" => concat!(env!("CARGO_MANIFEST_DIR"), "/features"),
        b"fixtures-site" => concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures-site"),
        _ => concat!(env!("CARGO_MANIFEST_DIR"), "/target/conformance-artifacts"),
    }
}

/// Errors that stop a run before any scenario starts.
#[derive(Debug, thiserror::Error)]
pub enum SuiteError {
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Server(#[from] ServerError),
    #[error(transparent)]
    Browser(#[from] BrowserError),
    #[error("failed to find features at {0} (pass --features <dir>)")]
    Features(PathBuf),
    #[error("failed to apply the profile's expectations: {names:?} in expectations.{key} name no feature file under {features} (use feature file names, e.g. \"api.box.setLocale\")")]
    UnknownCalls {
        key: &'static str,
        names: Vec<String>,
        features: PathBuf,
    },
    #[error("failed to prepare the artifacts directory {path}: {detail}")]
    Artifacts { path: PathBuf, detail: String },
    #[error("failed to write the JSON report {path}: {detail} (check --report)")]
    ReportFile { path: PathBuf, detail: String },
}

/// Everything one run owns. Scenarios borrow it through a process-wide handle because
/// cucumber builds each World without arguments.
pub struct Harness {
    pub opts: SuiteOptions,
    pub profile: Profile,
    pub server: Server,
    pub pool: Pool,
    pub report: Report,
    started: Instant,
}

impl Harness {
    /// Loads the profile, starts the server and the browser sessions.
    pub async fn start(opts: SuiteOptions) -> Result<Harness, SuiteError> {
        let started = Instant::now();
        let profile = Profile::load(&opts.implementation)?;
        if !opts.features.exists() {
            return Err(SuiteError::Features(opts.features.clone()));
        }
        let calls = feature_calls(&opts.features);
        let named = [
            ("unsupported", profile.unsupported.clone()),
            (
                "known_failures",
                profile
                    .known_failures
                    .iter()
                    .map(|k| k.call.clone())
                    .collect(),
            ),
        ];
        for (key, names) in named {
            let unknown: Vec<String> = names.into_iter().filter(|n| !calls.contains(n)).collect();
            if !unknown.is_empty() {
                return Err(SuiteError::UnknownCalls {
                    key,
                    names: unknown,
                    features: opts.features.clone(),
                });
            }
        }
        fresh_artifacts_dir(&opts.artifacts)?;
        // A report that cannot be written should stop the run now, not after it.
        if let Some(path) = &opts.report {
            std::fs::File::create(path).map_err(|e| SuiteError::ReportFile {
                path: path.clone(),
                detail: e.to_string(),
            })?;
        }
        let server = Server::start(opts.fixtures.clone(), &profile).await?;
        let pool = Pool::new(PoolOptions {
            kind: opts.browser,
            size: usize::from(opts.sessions),
            headless: !opts.headed,
            startup: Duration::from_secs(30),
            window: (1280, 800),
        })?;
        pool.prewarm().await?;
        Ok(Harness {
            opts,
            profile,
            server,
            pool,
            report: Report::default(),
            started,
        })
    }

    /// Closes the sessions and stops the server; then makes sure no driver is left.
    pub async fn shutdown(&self) {
        self.pool.shutdown().await;
        browser::driver::kill_all();
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// The documented calls covered under `features`: every `*.feature` file's name.
fn feature_calls(features: &Path) -> Vec<String> {
    let mut calls = Vec::new();
    let mut dirs = vec![features.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            calls.push(call_of(Some(&dir), ""));
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "feature") {
                calls.push(call_of(Some(&path), ""));
            }
        }
    }
    calls
}

/// Marks a directory as ours, so a later run may empty it without risking a directory a
/// user pointed --artifacts at by mistake.
const ARTIFACTS_MARKER: &str = ".olark-conformance-artifacts";

/// Empties the artifacts directory of the previous run, so what is there is this run's.
fn fresh_artifacts_dir(path: &Path) -> Result<(), SuiteError> {
    let fail = |detail: String| SuiteError::Artifacts {
        path: path.to_path_buf(),
        detail,
    };
    if path.exists() {
        // The default directory lives under target/ and is always ours.
        let ours = path.join(ARTIFACTS_MARKER).is_file()
            || path == Path::new(default_path("target/conformance-artifacts"));
        let empty = std::fs::read_dir(path)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !ours && !empty {
            return Err(fail(
                "it exists and was not made by olark-conformance; pass another --artifacts".into(),
            ));
        }
        if ours {
            std::fs::remove_dir_all(path).map_err(|e| fail(e.to_string()))?;
        }
    }
    std::fs::create_dir_all(path).map_err(|e| fail(e.to_string()))?;
    std::fs::write(path.join(ARTIFACTS_MARKER), "").map_err(|e| fail(e.to_string()))
}

/// Kills every driver process group if the run is interrupted (Ctrl-C, SIGTERM, SIGHUP),
/// then exits with 130, so an interrupted run leaves no browser behind.
pub fn install_interrupt_handler() {
    use tokio::signal::unix::{signal, SignalKind};
    let kinds = [
        SignalKind::interrupt(),
        SignalKind::terminate(),
        SignalKind::hangup(),
    ];
    for kind in kinds {
        let Ok(mut stream) = signal(kind) else {
            continue;
        };
        tokio::spawn(async move {
            if stream.recv().await.is_some() {
                let killed = browser::driver::kill_all();
                eprintln!("\ninterrupted: stopped {killed} browser driver(s); no results");
                std::process::exit(130);
            }
        });
    }
}

/// How one scenario ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    /// The implementation did not behave as documented.
    Failed,
    /// The harness could not run the scenario (driver died, page never loaded, undefined
    /// step): says nothing about the implementation.
    Error,
    /// The profile declares the call unsupported.
    Unsupported,
    /// Failed, and the profile lists the scenario as a known failure.
    KnownFailure,
}

impl ScenarioResult {
    /// Applies the profile's known failures: an expected failure does not fail the run,
    /// an unexpected pass does (its entry is stale). Errors stay errors: a scenario the
    /// harness could not run says nothing either way.
    pub fn expected_by(mut self, profile: &Profile) -> ScenarioResult {
        let Some(known) = profile.known_failure(&self.call, &self.scenario) else {
            return self;
        };
        let why = if known.reason.is_empty() {
            String::new()
        } else {
            format!(" ({})", known.reason)
        };
        match self.outcome {
            Outcome::Failed => {
                self.outcome = Outcome::KnownFailure;
                let detail = self.message.take().unwrap_or_default();
                self.message = Some(format!("known failure{why}: {detail}"));
            }
            Outcome::Passed => {
                self.outcome = Outcome::Failed;
                self.message = Some(format!(
                    "passed, but the profile lists it as a known failure{why}: remove it from [[expectations.known_failures]]"
                ));
            }
            Outcome::Error | Outcome::Unsupported | Outcome::KnownFailure => {}
        }
        self
    }
}

/// One scenario's result.
#[derive(Debug, Clone)]
pub struct ScenarioResult {
    /// The documented call (feature file name without `.feature`).
    pub call: String,
    pub scenario: String,
    pub outcome: Outcome,
    pub message: Option<String>,
    pub artifacts: Option<PathBuf>,
    /// From the scenario's first hook to its last; zero for scenarios that did not run.
    pub duration: Duration,
}

/// Collected results of a run.
#[derive(Debug, Default)]
pub struct Report {
    results: Mutex<Vec<ScenarioResult>>,
}

/// Totals over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    pub unsupported: usize,
    pub known_failures: usize,
}

impl Totals {
    /// The run's closing line: `N passed, N failed`, then known failures and skipped
    /// scenarios when there are any.
    pub fn line(&self) -> String {
        let mut line = format!("{} passed, {} failed", self.passed, self.failed);
        if self.known_failures > 0 {
            line.push_str(&format!(", {} known failures", self.known_failures));
        }
        if self.unsupported > 0 {
            line.push_str(&format!(", {} skipped", self.unsupported));
        }
        line
    }

    /// Process exit code: failures win over harness errors; known failures count as
    /// neither.
    pub fn exit_code(&self) -> u8 {
        if self.failed > 0 {
            1
        } else if self.errors > 0 {
            2
        } else {
            0
        }
    }
}

impl Report {
    pub fn record(&self, result: ScenarioResult) {
        self.results
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(result);
    }

    pub fn results(&self) -> Vec<ScenarioResult> {
        self.results
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn totals(&self) -> Totals {
        let mut t = Totals::default();
        for r in self.results() {
            match r.outcome {
                Outcome::Passed => t.passed += 1,
                Outcome::Failed => t.failed += 1,
                Outcome::Error => t.errors += 1,
                Outcome::Unsupported => t.unsupported += 1,
                Outcome::KnownFailure => t.known_failures += 1,
            }
        }
        t
    }

    /// Every result as JSON: what `--report` writes. Stable keys: `implementation`,
    /// `browser`, `totals` {passed, failed, errors, unsupported, known_failures, exit_code},
    /// `results` [{call, scenario, outcome, message, artifacts, duration_ms}].
    pub fn to_json(&self, implementation: &str, browser: BrowserKind) -> serde_json::Value {
        let t = self.totals();
        let results: Vec<serde_json::Value> = self
            .results()
            .iter()
            .map(|r| {
                serde_json::json!({
                    "call": r.call,
                    "scenario": r.scenario,
                    "outcome": r.outcome,
                    "message": r.message,
                    "artifacts": r.artifacts,
                    "duration_ms": r.duration.as_millis() as u64,
                })
            })
            .collect();
        serde_json::json!({
            "implementation": implementation,
            "browser": format!("{browser:?}").to_lowercase(),
            "totals": {
                "passed": t.passed,
                "failed": t.failed,
                "errors": t.errors,
                "unsupported": t.unsupported,
                "known_failures": t.known_failures,
                "exit_code": t.exit_code(),
            },
            "results": results,
        })
    }

    /// Writes [`Report::to_json`] to `path`.
    pub fn write_json(
        &self,
        path: &Path,
        implementation: &str,
        browser: BrowserKind,
    ) -> Result<(), SuiteError> {
        let failed = |detail: String| SuiteError::ReportFile {
            path: path.to_path_buf(),
            detail,
        };
        let text = serde_json::to_string_pretty(&self.to_json(implementation, browser))
            .map_err(|e| failed(e.to_string()))?;
        std::fs::write(path, text + "\n").map_err(|e| failed(e.to_string()))
    }

    /// The result table: one line per documented call, then every failure and error.
    pub fn render(&self) -> String {
        let results = self.results();
        let mut per_call: BTreeMap<&str, Vec<&ScenarioResult>> = BTreeMap::new();
        for r in &results {
            per_call.entry(r.call.as_str()).or_default().push(r);
        }
        let width = per_call.keys().map(|k| k.len()).max().unwrap_or(10);
        let mut out = String::from("\nResults per documented call:\n");
        for (call, rs) in &per_call {
            let count = |o: Outcome| rs.iter().filter(|r| r.outcome == o).count();
            let verdict = if count(Outcome::Failed) > 0 {
                "FAIL"
            } else if count(Outcome::Error) > 0 {
                "ERROR"
            } else if count(Outcome::Unsupported) == rs.len() {
                "unsupported"
            } else {
                "ok"
            };
            let mut detail = format!("{}/{} scenarios passed", count(Outcome::Passed), rs.len());
            for (o, word) in [
                (Outcome::Failed, "failed"),
                (Outcome::Error, "harness errors"),
                (Outcome::Unsupported, "unsupported"),
                (Outcome::KnownFailure, "known failures"),
            ] {
                if count(o) > 0 {
                    detail.push_str(&format!(", {} {word}", count(o)));
                }
            }
            out.push_str(&format!("  {call:<width$}  {verdict:<11}  {detail}\n"));
        }
        let mut ran: Vec<&ScenarioResult> = results
            .iter()
            .filter(|r| r.duration > Duration::ZERO)
            .collect();
        ran.sort_by_key(|r| std::cmp::Reverse(r.duration));
        if !ran.is_empty() {
            let busy: Duration = ran.iter().map(|r| r.duration).sum();
            out.push_str(&format!(
                "\nScenario time: {:.1} s in all; slowest scenarios:\n",
                busy.as_secs_f64()
            ));
            for r in ran.iter().take(5) {
                out.push_str(&format!(
                    "  {:>6} ms  {} — {}\n",
                    r.duration.as_millis(),
                    r.call,
                    r.scenario
                ));
            }
        }
        let bad: Vec<&ScenarioResult> = results
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Failed | Outcome::Error))
            .collect();
        let known: Vec<&ScenarioResult> = results
            .iter()
            .filter(|r| r.outcome == Outcome::KnownFailure)
            .collect();
        if !known.is_empty() {
            out.push_str("\nKnown failures (failed as the profile expects):\n");
            for r in known {
                out.push_str(&format!("  {} — {}\n", r.call, r.scenario));
            }
        }
        if !bad.is_empty() {
            out.push_str("\nNot passing:\n");
            for r in bad {
                let kind = if r.outcome == Outcome::Error {
                    "harness error"
                } else {
                    "FAILED"
                };
                out.push_str(&format!("  [{kind}] {} — {}\n", r.call, r.scenario));
                if let Some(m) = &r.message {
                    for line in m.lines() {
                        out.push_str(&format!("      {line}\n"));
                    }
                }
                if let Some(a) = &r.artifacts {
                    out.push_str(&format!("      artifacts: {}\n", a.display()));
                }
            }
        }
        out
    }
}

/// The documented call a feature file covers: its file name without `.feature`.
pub fn call_of(feature_path: Option<&Path>, feature_name: &str) -> String {
    feature_path
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".feature"))
        .unwrap_or(feature_name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(call: &str, outcome: Outcome) -> ScenarioResult {
        ScenarioResult {
            call: call.into(),
            scenario: format!("{call} scenario"),
            outcome,
            message: Some("expected a, got b".into()),
            artifacts: None,
            duration: Duration::from_millis(100),
        }
    }

    #[test]
    fn totals_and_exit_codes() {
        let report = Report::default();
        report.record(result("api.box.show", Outcome::Passed));
        report.record(result("api.box.hide", Outcome::Error));
        assert_eq!(report.totals().exit_code(), 2);
        report.record(result("api.box.hide", Outcome::Failed));
        report.record(result("api.box.setLocale", Outcome::Unsupported));
        let t = report.totals();
        assert_eq!((t.passed, t.failed, t.errors, t.unsupported), (1, 1, 1, 1));
        assert_eq!(t.exit_code(), 1);
        let text = report.render();
        assert!(text.contains("api.box.hide"), "{text}");
        assert!(text.contains("FAIL"), "{text}");
        assert!(text.contains("[harness error] api.box.hide"), "{text}");
        assert!(text.contains("unsupported"), "{text}");
    }

    #[test]
    fn known_failures_are_expected_and_stale_ones_fail() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("loader.js"), "//").unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("implementations/reference");
        let reference = std::fs::read_to_string(root.join("profile.toml")).unwrap();
        let text = reference.replace("directory = \".\"", &format!("directory = {:?}", dir.path()))
            + "\n[[expectations.known_failures]]\ncall = \"api.box.hide\"\nscenario = \"api.box.hide scenario\"\nreason = \"ticket 7\"\n";
        let profile = Profile::parse(&text, dir.path(), Path::new("p.toml")).unwrap();

        let failed = result("api.box.hide", Outcome::Failed).expected_by(&profile);
        assert_eq!(failed.outcome, Outcome::KnownFailure);
        assert_eq!(
            failed.message.as_deref(),
            Some("known failure (ticket 7): expected a, got b")
        );
        let passed = result("api.box.hide", Outcome::Passed).expected_by(&profile);
        assert_eq!(passed.outcome, Outcome::Failed);
        assert!(passed.message.unwrap().contains("remove it"));
        let error = result("api.box.hide", Outcome::Error).expected_by(&profile);
        assert_eq!(error.outcome, Outcome::Error);
        let other = result("api.box.show", Outcome::Failed).expected_by(&profile);
        assert_eq!(other.outcome, Outcome::Failed);

        let report = Report::default();
        report.record(result("api.box.show", Outcome::Passed));
        report.record(failed);
        let t = report.totals();
        assert_eq!(t.exit_code(), 0);
        assert_eq!(t.line(), "1 passed, 0 failed, 1 known failures");
        assert!(report.render().contains("Known failures"));
        let json = report.to_json("x", BrowserKind::Firefox);
        assert_eq!(json["totals"]["known_failures"], 1);
        assert_eq!(json["results"][1]["outcome"], "known_failure");
        assert_eq!(json["browser"], "firefox");
    }

    #[test]
    fn artifacts_dir_is_emptied_only_when_ours() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("artifacts");
        fresh_artifacts_dir(&dir).unwrap();
        std::fs::write(dir.join("old.png"), "x").unwrap();
        fresh_artifacts_dir(&dir).unwrap();
        assert!(!dir.join("old.png").exists());

        let foreign = root.path().join("home");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("thesis.tex"), "x").unwrap();
        let err = fresh_artifacts_dir(&foreign).unwrap_err();
        assert!(
            err.to_string().contains("not made by olark-conformance"),
            "{err}"
        );
        assert!(foreign.join("thesis.tex").exists());
    }

    #[test]
    fn feature_calls_lists_file_names() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("features");
        let calls = feature_calls(&root);
        assert!(calls.iter().any(|c| c == "api.box.show"), "{calls:?}");
        assert!(calls.iter().any(|c| c == "api.chat.onReady"), "{calls:?}");
    }

    #[test]
    fn call_is_the_feature_file_name() {
        assert_eq!(
            call_of(Some(Path::new("features/box/api.box.show.feature")), "x"),
            "api.box.show"
        );
        assert_eq!(call_of(None, "Loader"), "Loader");
    }
}
