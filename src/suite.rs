//! What `cargo test` and `olark-conformance run` share: the options, the harness that
//! owns the server, the session pool and the profile for one run, and the report that
//! turns scenario outcomes into a result per documented call.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::browser::{self, BrowserError, BrowserKind, Pool, PoolOptions};
use crate::profile::{Profile, ProfileError};
use crate::report::{self, Report, ReportError};
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
    /// Also write every scenario's result as JUnit XML to this file (for CI test views).
    #[arg(long, env = "OLARK_JUNIT")]
    pub junit: Option<PathBuf>,
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
    #[error(transparent)]
    Report(#[from] ReportError),
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
        // A run of part of this tree (one area, one file) still checks the profile's
        // names against the whole tree: the profile is written for all of it.
        let root = Path::new(default_path("features"));
        let within = |p: &Path| {
            let (Ok(p), Ok(root)) = (p.canonicalize(), root.canonicalize()) else {
                return false;
            };
            p.starts_with(root)
        };
        let calls = if within(&opts.features) {
            feature_calls(root)
        } else {
            feature_calls(&opts.features)
        };
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
            report::JSON.check_writable(path)?;
        }
        if let Some(path) = &opts.junit {
            report::JUNIT.check_writable(path)?;
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
