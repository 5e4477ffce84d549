//! The harness tested against variants, as data (`tests/variants.toml`): the reference
//! widget rendered into a shadow root or an iframe must pass the whole suite with no step
//! changed, and profiles that cannot see the widget (blind selectors, the wrong scope)
//! must make every scenario that reads a widget part fail, never pass: a pass has to mean
//! the harness saw the behaviour.
//!
//! Each variant runs the `olark-conformance` binary on the whole suite with a JSON
//! report, in a temp directory of its own. The browser comes from `OLARK_BROWSER`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use olark_conformance::parts::Part;
use olark_conformance::profile::Profile;
use serde::Deserialize;

mod support;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Variants {
    variant: Vec<Variant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Variant {
    name: String,
    /// The profile (or its directory), relative to the repository.
    profile: String,
    /// Replace every selector by a valid one that matches nothing.
    #[serde(default)]
    blind: bool,
    /// Serve this profile's widget (its `[loader]`) instead.
    #[serde(default)]
    loader_of: Option<String>,
    expect: Expect,
    /// With `pass`: exactly this many scenarios are unsupported because they need a part
    /// the profile declares absent.
    #[serde(default)]
    absent_part_scenarios: Option<usize>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
enum Expect {
    #[serde(rename = "pass")]
    Pass,
    #[serde(rename = "no vacuous pass")]
    NoVacuousPass,
}

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let list = match read_variants(&root.join("tests/variants.toml")) {
        Ok(list) => list,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let chosen: Vec<&Variant> = list
        .variant
        .iter()
        .filter(|v| only.is_empty() || only.iter().any(|o| v.name.contains(o.as_str())))
        .collect();
    let mut problems = 0;
    for variant in &chosen {
        match run(root, variant) {
            Ok(summary) => println!("ok       {}\n         {summary}", variant.name),
            Err(e) => {
                problems += 1;
                println!("FAILED   {}\n         {e}", variant.name);
            }
        }
    }
    println!(
        "\n{} of {} variants as expected",
        chosen.len() - problems,
        chosen.len()
    );
    if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn read_variants(path: &Path) -> Result<Variants, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("failed to read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("failed to parse {}: {e}", path.display()))
}

/// Runs the variant's suite and checks its expectation; answers a summary line.
fn run(root: &Path, variant: &Variant) -> Result<String, String> {
    let dir = tempfile::tempdir().map_err(|e| format!("failed to make a temp dir: {e}"))?;
    let profile = derived_profile(root, variant, dir.path())?;
    let run = support::run_suite(&profile, dir.path(), &[])?;
    let count = |o: &str| run.results.iter().filter(|r| r.outcome == o).count();
    let totals = format!(
        "{} scenarios: {} passed, {} failed, {} unsupported, {} harness errors; wall time {:.1} s",
        run.results.len(),
        count("passed"),
        count("failed"),
        count("unsupported"),
        count("error"),
        run.wall.as_secs_f64()
    );
    let not_passed: Vec<String> = run
        .results
        .iter()
        .filter(|r| r.outcome != "passed")
        .map(|r| {
            let first = r.message.as_deref().and_then(|m| m.lines().next());
            format!(
                "[{}] {} — {}: {}",
                r.outcome,
                r.call,
                r.scenario,
                first.unwrap_or("")
            )
        })
        .collect();
    match variant.expect {
        Expect::Pass => {
            // Unsupported scenarios (calls not claimed, parts declared absent) are not
            // failures; the totals line shows how many there were.
            let not_passed: Vec<String> = not_passed
                .into_iter()
                .filter(|line| !line.starts_with("[unsupported]"))
                .collect();
            let absent = run
                .results
                .iter()
                .filter(|r| {
                    r.outcome == "unsupported"
                        && r.message
                            .as_deref()
                            .is_some_and(|m| m.contains("declares absent"))
                })
                .count();
            if let Some(want) = variant.absent_part_scenarios.filter(|w| *w != absent) {
                return Err(format!(
                    "{totals}; expected {want} scenarios unsupported for needing an absent part, got {absent}"
                ));
            }
            if not_passed.is_empty() && run.exit_code == Some(0) {
                Ok(format!(
                    "{totals}; {absent} unsupported for needing an absent part"
                ))
            } else {
                Err(format!(
                    "{totals} (exit code {:?}; {}):\n         {}",
                    run.exit_code,
                    run.tail,
                    not_passed.join("\n         ")
                ))
            }
        }
        Expect::NoVacuousPass => {
            let reading: Vec<&support::Outcome> =
                run.results.iter().filter(|r| !r.parts.is_empty()).collect();
            let vacuous: Vec<String> = reading
                .iter()
                .filter(|r| r.outcome == "passed")
                .map(|r| format!("{} — {} (reads {})", r.call, r.scenario, r.parts.join(", ")))
                .collect();
            let errors: Vec<String> = run
                .results
                .iter()
                .filter(|r| r.outcome == "error")
                .map(|r| {
                    format!(
                        "{} — {}: {}",
                        r.call,
                        r.scenario,
                        r.message.as_deref().unwrap_or("")
                    )
                })
                .collect();
            let said_so = reading
                .iter()
                .filter(|r| {
                    r.outcome == "failed"
                        && r.message.as_deref().is_some_and(|m| {
                            m.contains("the harness cannot see") || m.contains("no evidence")
                        })
                })
                .count();
            let summary = format!(
                "{totals}; {} read a widget part: {} vacuous passes, {said_so} failed saying the harness cannot see the part",
                reading.len(),
                vacuous.len()
            );
            if vacuous.is_empty() && errors.is_empty() {
                Ok(summary)
            } else {
                Err(format!(
                    "{summary}\n         vacuous passes:\n         {}\n         harness errors:\n         {}",
                    vacuous.join("\n         "),
                    errors.join("\n         ")
                ))
            }
        }
    }
}

/// The profile the variant runs: `profile` itself, or a profile in `dir` that extends it
/// with blind selectors and another widget's loader.
fn derived_profile(root: &Path, variant: &Variant, dir: &Path) -> Result<PathBuf, String> {
    let base = root.join(&variant.profile);
    if !variant.blind && variant.loader_of.is_none() {
        return Ok(base);
    }
    let base_file = if base.is_dir() {
        base.join("profile.toml")
    } else {
        base
    };
    let mut text = format!(
        "extends = {:?}\nname = {:?}\n",
        base_file.display().to_string(),
        format!("variant: {}", variant.name)
    );
    if let Some(other) = &variant.loader_of {
        let other = Profile::load(&root.join(other)).map_err(|e| e.to_string())?;
        text.push_str(&format!(
            "[loader]\ndirectory = {:?}\nentry = {:?}\n",
            other.files_dir.display().to_string(),
            other.loader_entry
        ));
    }
    if variant.blind {
        text.push_str("[selectors]\n");
        let declared = Profile::load(&base_file).map_err(|e| e.to_string())?;
        for &part in Part::ALL {
            if *declared.part(part) != olark_conformance::profile::PartSpec::Absent {
                text.push_str(&format!(
                    "{} = \"[data-olark-conformance-blind='{}']\"\n",
                    part.key(),
                    part.key()
                ));
            }
        }
    }
    let file = dir.join("profile.toml");
    std::fs::write(&file, text).map_err(|e| format!("failed to write {}: {e}", file.display()))?;
    // The derived profile must be valid before a browser starts.
    Profile::load(&file).map_err(|e| e.to_string())?;
    Ok(file)
}
