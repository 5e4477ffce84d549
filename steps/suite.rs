//! The cucumber runner shared by `cargo test` and `olark-conformance run`: same options,
//! same steps, same report. Hooks give each scenario its own site and a pooled session,
//! and turn how it finished into a result per documented call.

use std::ffi::OsString;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser as _;
use cucumber::event::{ScenarioFinished, StepError};
use cucumber::tag::Ext as _;
use cucumber::writer::Stats as _;
use cucumber::{cli, World as _};
use futures::FutureExt as _;
use olark_conformance::browser::artifacts;
use olark_conformance::report::{Outcome, ScenarioResult};
use olark_conformance::suite::{call_of, install_interrupt_handler, Harness, SuiteOptions};

use crate::steps::world::{OlarkWorld, COMMAND_DEADLINE, HARNESS};

/// Parses `args` (argv, program name first) and runs the suite; the exit code is 0 when
/// everything passed, 1 on conformance failures, 2 on harness errors only.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: failed to start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    // Whatever way `run` ends, unwinding included, no driver outlives it.
    let _cleanup = KillDriversOnDrop;
    runtime.block_on(run(args))
}

struct KillDriversOnDrop;

impl Drop for KillDriversOnDrop {
    fn drop(&mut self) {
        olark_conformance::browser::driver::kill_all();
    }
}

async fn run(args: Vec<OsString>) -> ExitCode {
    let fail_fast = args.iter().any(|a| a == "--fail-fast");
    let mut cli = match cli::Opts::<_, _, _, SuiteOptions>::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    install_interrupt_handler();
    let opts = cli.custom.clone();
    let harness = match Harness::start(opts).await {
        Ok(h) => Arc::new(h),
        Err(e) => {
            olark_conformance::browser::driver::kill_all();
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
    };
    if HARNESS.set(harness.clone()).is_err() {
        eprintln!("error: the suite can run only once per process");
        return ExitCode::from(2);
    }
    println!(
        "olark-conformance: implementation {:?} ({}), {:?} with {} session(s), server on port {}",
        harness.profile.name,
        harness.opts.implementation.display(),
        harness.pool.kind(),
        harness.pool.size(),
        harness.server.port()
    );

    // cucumber skips a run's own filter when --name or --tags is given, which would run
    // scenarios the profile declares unsupported; so both are applied here, together.
    let name_filter = cli.re_filter.take();
    let tags_filter = cli.tags_filter.take();
    let whole_suite = name_filter.is_none() && tags_filter.is_none() && !fail_fast;
    let filter_harness = harness.clone();
    let writer = OlarkWorld::cucumber()
        .max_concurrent_scenarios(harness.pool.size())
        .before(|feature, rule, scenario, world| {
            async move {
                world.started = Instant::now();
                world.call = call_of(feature.path.as_deref(), &feature.name);
                let site = world.harness.server.sites().create(&scenario.name);
                let clock = feature
                    .tags
                    .iter()
                    .chain(rule.iter().flat_map(|r| &r.tags))
                    .chain(&scenario.tags)
                    .any(|t| t == "clock");
                world
                    .harness
                    .server
                    .sites()
                    .update(&site.label, |s| s.virtual_clock = clock);
                world.site = site.label;
            }
            .boxed_local()
        })
        .after(|feature, _rule, scenario, finished, world| {
            async move {
                let call = call_of(feature.path.as_deref(), &feature.name);
                finish(call, &scenario.name, finished, world).await;
            }
            .boxed_local()
        })
        .with_cli(cli)
        .filter_run(
            harness.opts.features.clone(),
            move |feature, rule, scenario| {
                let selected = match (&name_filter, &tags_filter) {
                    (Some(re), _) => re.is_match(&scenario.name),
                    (None, Some(tags)) => tags.eval(
                        feature
                            .tags
                            .iter()
                            .chain(rule.iter().flat_map(|r| &r.tags))
                            .chain(&scenario.tags),
                    ),
                    (None, None) => true,
                };
                let call = call_of(feature.path.as_deref(), &feature.name);
                if !selected || filter_harness.profile.supports(&call) {
                    return selected;
                }
                filter_harness.report.record(ScenarioResult {
                    call,
                    scenario: scenario.name.clone(),
                    outcome: Outcome::Unsupported,
                    message: None,
                    artifacts: None,
                    duration: Duration::ZERO,
                    parts: Vec::new(),
                });
                false
            },
        )
        .await;
    // A feature file that does not parse, or a failing hook, runs nothing: an error.
    for (count, what) in [
        (
            writer.parsing_errors(),
            "a feature file failed to parse (see above)",
        ),
        (writer.hook_errors(), "a scenario hook failed (see above)"),
    ] {
        for _ in 0..count {
            harness.report.record(ScenarioResult {
                call: "(suite)".into(),
                scenario: what.into(),
                outcome: Outcome::Error,
                message: None,
                artifacts: None,
                duration: Duration::ZERO,
                parts: Vec::new(),
            });
        }
    }

    // An entry naming no scenario never applies: say so, after a run that ran all of
    // the call's scenarios.
    if whole_suite {
        let results = harness.report.results();
        for k in &harness.profile.known_failures {
            let ran_call = results.iter().any(|r| r.call == k.call);
            if ran_call
                && !results
                    .iter()
                    .any(|r| r.call == k.call && r.scenario == k.scenario)
            {
                eprintln!(
                    "warning: the known failure {:?} — {:?} matches no scenario (renamed or removed?); remove it from the profile",
                    k.call, k.scenario
                );
            }
        }
    }

    let elapsed = harness.elapsed();
    harness.shutdown().await;
    print!("{}", harness.report.render());
    let t = harness.report.totals();
    println!(
        "\nbrowser sessions started: {} (pool of {}); wall time {:.1} s",
        harness.pool.sessions_started(),
        harness.pool.size(),
        elapsed.as_secs_f64()
    );
    if t.errors > 0 {
        println!(
            "harness errors: {} (the harness could not run these; they say nothing about the implementation)",
            t.errors
        );
    }
    println!("{}", t.line());
    let (name, browser) = (&harness.profile.name, harness.opts.browser);
    let written = [
        harness
            .opts
            .report
            .as_ref()
            .map(|p| harness.report.write_json(p, name, browser)),
        harness
            .opts
            .junit
            .as_ref()
            .map(|p| harness.report.write_junit(p, name, browser)),
    ];
    if let Some(failed) = written.into_iter().flatten().find_map(Result::err) {
        eprintln!("error: {failed}");
        // Failures still win over this harness error, as over any other.
        return ExitCode::from(if t.failed > 0 { 1 } else { 2 });
    }
    ExitCode::from(t.exit_code())
}

/// Classifies how a scenario finished, saves artifacts for a failure, returns or
/// discards the session and removes the scenario's site.
async fn finish(
    call: String,
    scenario: &str,
    finished: &ScenarioFinished,
    world: Option<&mut OlarkWorld>,
) {
    let Some(harness) = HARNESS.get().cloned() else {
        return;
    };
    let fault = world.as_ref().and_then(|w| w.fault.clone());
    let duration = world
        .as_ref()
        .map_or(Duration::ZERO, |w| w.started.elapsed());
    let (outcome, message) = match finished {
        ScenarioFinished::StepPassed => (Outcome::Passed, None),
        ScenarioFinished::StepSkipped => (
            Outcome::Error,
            Some("a step has no definition (see docs/writing-scenarios.md)".to_string()),
        ),
        ScenarioFinished::BeforeHookFailed(info) => (Outcome::Error, Some(panic_text(&**info))),
        ScenarioFinished::StepFailed(_, _, err) => {
            let text = match err {
                StepError::Panic(info) => panic_text(&**info),
                other => other.to_string(),
            };
            let outcome = match err {
                StepError::Panic(_) if fault.is_none() => Outcome::Failed,
                _ => Outcome::Error,
            };
            (outcome, Some(text))
        }
    };
    let (outcome, message) = match world.as_ref().and_then(|w| w.unsupported.clone()) {
        // A step needed a part the profile declares absent: not a failure of the widget.
        Some(why) if outcome == Outcome::Failed => (Outcome::Unsupported, Some(why)),
        _ => (outcome, message),
    };
    let mut message = message;
    let mut saved = None;
    let mut parts = Vec::new();
    if let Some(w) = world {
        parts = w.parts_read.iter().map(|p| p.key().to_string()).collect();
        let failed_requests = harness
            .server
            .sites()
            .read(&w.site, |s| s.failed_requests.clone())
            .unwrap_or_default();
        // Requests the server answered with an error explain many failures (a chunk
        // that 404s, a protocol request the backend rejected): say them.
        let said = message
            .as_deref()
            .is_some_and(|m| m.contains("failed request: "));
        if matches!(outcome, Outcome::Failed | Outcome::Error)
            && !failed_requests.is_empty()
            && !said
        {
            let mut text = message.take().unwrap_or_default();
            text.push_str("\n  the mock backend answered with errors during this scenario:");
            for r in &failed_requests {
                text.push_str(&format!("\n    {r}"));
            }
            message = Some(text);
        }
        // An unresponsive browser is not asked for anything more.
        let reachable = !w.unresponsive;
        let mut files: Vec<(&str, String)> = Vec::new();
        if outcome != Outcome::Passed && w.page_open && reachable {
            if let Ok(snapshot) = w
                .invoke::<serde_json::Value>("snapshot", serde_json::json!({}))
                .await
            {
                let pretty =
                    |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default();
                files.push(("recorder.json", pretty(&snapshot["recorder"])));
                files.push((
                    "parts.json",
                    pretty(&serde_json::json!({
                        "scope": snapshot["scope"],
                        "watched": snapshot["watched"],
                        "parts": snapshot["parts"],
                    })),
                ));
                if let Some(dom) = snapshot["dom"].as_str() {
                    files.push(("widget.html", dom.to_string()));
                }
            }
        }
        if !failed_requests.is_empty() {
            let list = serde_json::to_string_pretty(&failed_requests).unwrap_or_default();
            files.push(("failed-requests.json", list));
        }
        if let Some(session) = w.session.take() {
            if outcome != Outcome::Passed && w.page_open {
                saved = Some(
                    artifacts::save(
                        &session,
                        &harness.opts.artifacts,
                        &w.site,
                        &files,
                        reachable,
                    )
                    .await,
                );
            }
            // A resized window goes back to the pool's size; failing that, the session
            // cannot serve the next scenario as expected.
            let restored = if w.resized && reachable {
                let (width, height) = harness.pool.window();
                let resize = session.client().set_window_size(width, height);
                matches!(
                    tokio::time::timeout(COMMAND_DEADLINE, resize).await,
                    Ok(Ok(()))
                )
            } else {
                !w.resized
            };
            if w.fault.is_some() || !restored {
                drop(session);
            } else {
                harness.pool.checkin(session);
            }
        }
        harness.server.sites().remove(&w.site);
    }
    let result = ScenarioResult {
        call,
        scenario: scenario.to_string(),
        outcome,
        message,
        artifacts: saved,
        duration,
        parts,
    };
    harness.report.record(result.expected_by(&harness.profile));
}

fn panic_text(info: &(dyn std::any::Any + Send)) -> String {
    info.downcast_ref::<String>()
        .cloned()
        .or_else(|| info.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "the step panicked".to_string())
}
