//! The suite tested against broken widgets: every mutant in `tests/mutants.toml` is a
//! copy of the reference widget with one piece of text replaced, and the scenarios it
//! names must fail against it. This is what keeps scenarios meant to tell two behaviours
//! apart (perVisit from perPage, text from HTML) from quietly passing for both.
//!
//! Each mutant runs the `olark-conformance` binary on only its scenarios, with a JSON
//! report, in a temp directory of its own. The browser comes from `OLARK_BROWSER`.

use std::path::Path;
use std::process::ExitCode;

use serde::Deserialize;

mod support;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mutants {
    mutant: Vec<Mutant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mutant {
    name: String,
    file: String,
    find: String,
    replace: String,
    /// Scenario names, exactly as the report prints them.
    fails: Vec<String>,
}

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let list = match read_mutants(&root.join("tests/mutants.toml")) {
        Ok(list) => list,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut problems = 0;
    for mutant in &list.mutant {
        match run(root, mutant) {
            Ok(()) => println!("caught   {}", mutant.name),
            Err(e) => {
                problems += 1;
                println!("MISSED   {}\n         {e}", mutant.name);
            }
        }
    }
    println!(
        "\n{} of {} mutants caught",
        list.mutant.len() - problems,
        list.mutant.len()
    );
    if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn read_mutants(path: &Path) -> Result<Mutants, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("failed to read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("failed to parse {}: {e}", path.display()))
}

/// Builds the mutant, runs its scenarios and checks each one failed.
fn run(root: &Path, mutant: &Mutant) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| format!("failed to make a temp dir: {e}"))?;
    let widget = dir.path().join("widget");
    copy_dir(&root.join("implementations/reference"), &widget)
        .map_err(|e| format!("failed to copy the reference widget: {e}"))?;
    let file = widget.join(&mutant.file);
    let text = std::fs::read_to_string(&file)
        .map_err(|e| format!("failed to read {}: {e}", mutant.file))?;
    let found = text.matches(&mutant.find).count();
    if found != 1 {
        return Err(format!(
            "the text to replace occurs {found} times in {} (it must occur once; update tests/mutants.toml)",
            mutant.file
        ));
    }
    std::fs::write(&file, text.replacen(&mutant.find, &mutant.replace, 1))
        .map_err(|e| format!("failed to write the mutant: {e}"))?;

    let names: Vec<String> = mutant.fails.iter().map(|n| regex_escape(n)).collect();
    let filter = vec!["--name".to_string(), format!("^(?:{})$", names.join("|"))];
    let results = support::run_suite(&widget, dir.path(), &filter)?.results;
    for name in &mutant.fails {
        let outcomes: Vec<&str> = results
            .iter()
            .filter(|r| &r.scenario == name)
            .map(|r| r.outcome.as_str())
            .collect();
        if outcomes.is_empty() {
            return Err(format!(
                "the scenario {name:?} did not run (renamed? update tests/mutants.toml)"
            ));
        }
        if let Some(other) = outcomes.iter().find(|o| **o != "failed") {
            return Err(format!(
                "expected the scenario {name:?} to fail against this mutant, its outcome was {other:?}"
            ));
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// A scenario name as a literal inside a regex.
fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
