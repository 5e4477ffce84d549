//! The results of a run: each scenario's outcome, the totals and exit code, and the
//! forms a run reports in: the table printed at the end, JSON (`--report`) and JUnit XML
//! (`--junit`, what CI systems display).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use crate::browser::BrowserKind;
use crate::profile::Profile;

/// Failure to write a report file.
#[derive(Debug, thiserror::Error)]
#[error("failed to write the {what} {path}: {detail} (check --{option})")]
pub struct ReportError {
    pub what: &'static str,
    pub option: &'static str,
    pub path: PathBuf,
    pub detail: String,
}

/// A report file format and the option that asks for it.
#[derive(Debug, Clone, Copy)]
pub struct Format {
    what: &'static str,
    option: &'static str,
}

pub const JSON: Format = Format {
    what: "JSON report",
    option: "report",
};
pub const JUNIT: Format = Format {
    what: "JUnit report",
    option: "junit",
};

impl Format {
    fn error(self, path: &Path, detail: impl std::fmt::Display) -> ReportError {
        ReportError {
            what: self.what,
            option: self.option,
            path: path.to_path_buf(),
            detail: detail.to_string(),
        }
    }

    /// Creates (empties) the file, so a path that cannot be written stops a run before
    /// it starts rather than after.
    pub fn check_writable(self, path: &Path) -> Result<(), ReportError> {
        std::fs::File::create(path)
            .map(drop)
            .map_err(|e| self.error(path, e))
    }
}

/// Text for XML content and attribute values. Characters XML 1.0 cannot carry at all
/// (control characters other than tab and newlines) become U+FFFD.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
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
    /// The profile declares the call unsupported, or the scenario needs a part the
    /// profile declares absent (the message says which).
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
    /// The widget parts its steps read or touched (profile keys), in first-use order:
    /// what the vacuity checks rely on, since a scenario that reads no part passes
    /// whatever the widget's DOM looks like.
    pub parts: Vec<String>,
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
    /// `results` [{call, scenario, outcome, message, artifacts, duration_ms, parts}].
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
                    "parts": r.parts,
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
    ) -> Result<(), ReportError> {
        let text = serde_json::to_string_pretty(&self.to_json(implementation, browser))
            .map_err(|e| JSON.error(path, e))?;
        std::fs::write(path, text + "\n").map_err(|e| JSON.error(path, e))
    }

    /// Every result as JUnit XML: one `<testsuite>` per documented call, one `<testcase>`
    /// per scenario. A failure is `<failure>`, a harness error `<error>`, an unsupported
    /// call's scenario `<skipped>`; a known failure passes with its failure kept in
    /// `<system-out>`, as the run treats it.
    pub fn to_junit(&self, implementation: &str, browser: BrowserKind) -> String {
        let results = self.results();
        let mut per_call: BTreeMap<&str, Vec<&ScenarioResult>> = BTreeMap::new();
        for r in &results {
            per_call.entry(r.call.as_str()).or_default().push(r);
        }
        let t = self.totals();
        let total_time: f64 = results.iter().map(|r| r.duration.as_secs_f64()).sum();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str(&format!(
            "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{total_time:.3}\">\n",
            xml(&format!("olark-conformance: {implementation} in {browser:?}")),
            results.len(),
            t.failed,
            t.errors,
            t.unsupported
        ));
        for (call, rs) in &per_call {
            let count = |o: Outcome| rs.iter().filter(|r| r.outcome == o).count();
            let time: f64 = rs.iter().map(|r| r.duration.as_secs_f64()).sum();
            out.push_str(&format!(
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{time:.3}\">\n",
                xml(call),
                rs.len(),
                count(Outcome::Failed),
                count(Outcome::Error),
                count(Outcome::Unsupported)
            ));
            for r in rs {
                out.push_str(&format!(
                    "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
                    xml(call),
                    xml(&r.scenario),
                    r.duration.as_secs_f64()
                ));
                let message = r.message.as_deref().unwrap_or("");
                let first = message.lines().next().unwrap_or("");
                let mut body = match r.outcome {
                    Outcome::Passed => String::new(),
                    Outcome::Failed => format!(
                        "      <failure message=\"{}\">{}</failure>\n",
                        xml(first),
                        xml(message)
                    ),
                    Outcome::Error => format!(
                        "      <error message=\"{}\">{}</error>\n",
                        xml(first),
                        xml(message)
                    ),
                    Outcome::Unsupported => format!(
                        "      <skipped message=\"{}\"/>\n",
                        xml(r.message.as_deref().unwrap_or("unsupported by the profile"))
                    ),
                    Outcome::KnownFailure => {
                        format!("      <system-out>{}</system-out>\n", xml(message))
                    }
                };
                if let Some(a) = &r.artifacts {
                    body.push_str(&format!(
                        "      <system-err>artifacts: {}</system-err>\n",
                        xml(&a.display().to_string())
                    ));
                }
                if body.is_empty() {
                    out.push_str("/>\n");
                } else {
                    out.push_str(">\n");
                    out.push_str(&body);
                    out.push_str("    </testcase>\n");
                }
            }
            out.push_str("  </testsuite>\n");
        }
        out.push_str("</testsuites>\n");
        out
    }

    /// Writes [`Report::to_junit`] to `path`.
    pub fn write_junit(
        &self,
        path: &Path,
        implementation: &str,
        browser: BrowserKind,
    ) -> Result<(), ReportError> {
        std::fs::write(path, self.to_junit(implementation, browser))
            .map_err(|e| JUNIT.error(path, e))
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
        let needs_absent: Vec<&ScenarioResult> = results
            .iter()
            .filter(|r| r.outcome == Outcome::Unsupported && r.message.is_some())
            .collect();
        if !needs_absent.is_empty() {
            out.push_str("\nUnsupported scenarios (they need what the profile declares absent):\n");
            for r in needs_absent {
                let why = r.message.as_deref().unwrap_or_default();
                out.push_str(&format!("  {} — {}: {why}\n", r.call, r.scenario));
            }
        }
        if !known.is_empty() {
            out.push_str("\nKnown failures (failed as the profile expects):\n");
            for r in known {
                out.push_str(&format!("  {} — {}\n", r.call, r.scenario));
                if let Some(first) = r.message.as_deref().and_then(|m| m.lines().next()) {
                    out.push_str(&format!("      {first}\n"));
                }
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
            parts: vec!["chatbox".into()],
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
    fn junit_escapes_and_classifies() {
        let report = Report::default();
        let mut failed = result("api.box.show", Outcome::Failed);
        failed.scenario = "shows <b> & \"quotes\"".into();
        failed.message = Some("expected 1, got 2\u{1}\nsecond line".into());
        report.record(failed);
        report.record(result("api.box.show", Outcome::Passed));
        report.record(result("api.box.hide", Outcome::Error));
        let mut unsupported = result("api.box.setLocale", Outcome::Unsupported);
        unsupported.message = None;
        report.record(unsupported);
        let mut absent = result("api.box.expand", Outcome::Unsupported);
        absent.message =
            Some("needs the attention grabber, which the profile declares absent".into());
        report.record(absent);
        let xml = report.to_junit("ref", BrowserKind::Chromium);
        assert!(xml.starts_with("<?xml"), "{xml}");
        assert!(
            xml.contains("tests=\"5\" failures=\"1\" errors=\"1\" skipped=\"2\""),
            "{xml}"
        );
        assert!(
            xml.contains("name=\"shows &lt;b&gt; &amp; &quot;quotes&quot;\""),
            "{xml}"
        );
        assert!(
            xml.contains("<failure message=\"expected 1, got 2\u{FFFD}\">"),
            "{xml}"
        );
        assert!(
            xml.contains("<error message=\"expected a, got b\">"),
            "{xml}"
        );
        assert!(
            xml.contains("<skipped message=\"unsupported by the profile\"/>"),
            "{xml}"
        );
        assert!(
            xml.contains("<skipped message=\"needs the attention grabber, which the profile declares absent\"/>"),
            "{xml}"
        );
        assert_eq!(xml.matches("<testcase").count(), 5);
        assert_eq!(xml.matches("</testsuite>").count(), 4);
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
        let xml = report.to_junit("x", BrowserKind::Firefox);
        assert!(
            xml.contains("<testsuite name=\"api.box.hide\" tests=\"1\" failures=\"0\""),
            "{xml}"
        );
        assert!(
            xml.contains("<system-out>known failure (ticket 7): expected a, got b</system-out>"),
            "{xml}"
        );
        let json = report.to_json("x", BrowserKind::Firefox);
        assert_eq!(json["totals"]["known_failures"], 1);
        assert_eq!(json["results"][1]["outcome"], "known_failure");
        assert_eq!(json["browser"], "firefox");
    }
}
