//! Steps that set up and drive the page as a site and a visitor would: the embed code,
//! opening fixture pages, page script, clicks and typing through the real UI, and what
//! the page printed to its console.

use cucumber::gherkin::Step;
use cucumber::{given, then, when};
use fantoccini::Locator;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::steps::params::{Times, WidgetPart};
use crate::steps::world::{fail, OlarkWorld, StepResult, Waited};

/// The step's doc string; a step written without one is a scenario bug, not a failure
/// of the implementation.
pub fn docstring<'s>(w: &mut OlarkWorld, step: &'s Step) -> anyhow::Result<&'s str> {
    step.docstring
        .as_deref()
        .ok_or_else(|| w.fault("this step needs a doc string (\"\"\" … \"\"\")"))
}

#[given("the embed code configures:")]
#[when("the embed code configures:")]
async fn embed_configures(w: &mut OlarkWorld, step: &Step) -> StepResult {
    let js = docstring(w, step)?;
    w.update_site(|s| append_line(&mut s.embed.before_identify, js))?;
    Ok(())
}

#[given("the embed code ends with:")]
#[when("the embed code ends with:")]
async fn embed_ends_with(w: &mut OlarkWorld, step: &Step) -> StepResult {
    let js = docstring(w, step)?;
    w.update_site(|s| append_line(&mut s.embed.after_identify, js))?;
    Ok(())
}

fn append_line(slot: &mut String, js: &str) {
    slot.push_str(js);
    slot.push('\n');
}

#[given("the visitor opens the page")]
#[when("the visitor opens the page")]
async fn open_default(w: &mut OlarkWorld) -> StepResult {
    w.open("embed.sub.html").await?;
    Ok(())
}

#[given(expr = "the visitor opens the {string} page")]
#[when(expr = "the visitor opens the {string} page")]
async fn open_fixture(w: &mut OlarkWorld, page: String) -> StepResult {
    w.open(&format!("{page}.sub.html")).await?;
    Ok(())
}

#[given("the widget is ready")]
#[then("the widget becomes ready")]
async fn widget_ready(w: &mut OlarkWorld) -> StepResult {
    wait_ready(w).await
}

#[given("the visitor is on a page with the widget")]
async fn on_page_with_widget(w: &mut OlarkWorld) -> StepResult {
    w.open("embed.sub.html").await?;
    wait_ready(w).await
}

pub async fn wait_ready(w: &mut OlarkWorld) -> StepResult {
    let timeout = w.timeout_ms();
    if !w.ready_within(timeout).await? {
        let why = not_ready_diagnostics(w).await?;
        fail!(
            "{}: expected the widget to become ready (a callback passed to api.chat.onReady \
             after the page loaded fires), but it did not within {timeout} ms{why}",
            w.call
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Diagnostics {
    errors: Vec<Value>,
    console: Vec<ConsoleEntry>,
    clock: String,
}

/// What a widget author needs when the widget never got ready: the page's uncaught
/// errors and console warnings and errors, the requests the server answered with an
/// error, and whether the page ran on the virtual clock.
async fn not_ready_diagnostics(w: &mut OlarkWorld) -> anyhow::Result<String> {
    let d: Diagnostics = w.invoke("diagnostics", json!({})).await?;
    let failed = w.site_state()?.failed_requests;
    let mut out = String::new();
    for e in &d.errors {
        let message = e.get("message").and_then(Value::as_str).unwrap_or("?");
        let source = e.get("source").and_then(Value::as_str).unwrap_or("");
        let line = e.get("line").and_then(Value::as_u64).unwrap_or(0);
        out.push_str(&format!("\n  uncaught error: {message} ({source}:{line})"));
    }
    for c in &d.console {
        out.push_str(&format!("\n  console.{}: {}", c.level, c.text));
    }
    for r in &failed {
        out.push_str(&format!("\n  failed request: {r}"));
    }
    if out.is_empty() {
        out.push_str("\n  the page reported no errors and every request succeeded");
    }
    if d.clock == "virtual" {
        out.push_str(
            "\n  the page runs on the virtual clock (@clock): its timers run only when a step lets time pass, \
             so a widget that waits on a timer before it is ready never gets there",
        );
    }
    Ok(out)
}

#[given("the page runs:")]
#[when("the page runs:")]
async fn page_runs(w: &mut OlarkWorld, step: &Step) -> StepResult {
    let js = docstring(w, step)?.to_string();
    let ran: Value = w.invoke("run", json!({ "source": js })).await?;
    if ran.get("ok") != Some(&Value::Bool(true)) {
        let error = ran
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or("unknown error");
        fail!("{}: the page's script threw: {error}", w.call);
    }
    Ok(())
}

#[given(expr = "the visitor clicks the {part}")]
#[when(expr = "the visitor clicks the {part}")]
async fn click_part(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    Ok(w.click(part.0).await?)
}

#[given(expr = "the visitor clicks the link {string}")]
#[when(expr = "the visitor clicks the link {string}")]
async fn click_link(w: &mut OlarkWorld, text: String) -> StepResult {
    let found = w
        .webdriver("finding a link", |c| {
            let text = text.clone();
            async move { c.find(Locator::LinkText(&text)).await }
        })
        .await?;
    // The links belong to the fixture page, not the implementation.
    let el = found.map_err(|e| w.fault(format!("the fixture page has no link {text:?}: {e}")))?;
    let clicked = w.within_deadline("clicking a link", el.click()).await?;
    clicked.map_err(|e| w.command_error(e, &format!("failed to click the link {text:?}")))?;
    Ok(())
}

#[given(expr = "the visitor types {string} into the {part}")]
#[when(expr = "the visitor types {string} into the {part}")]
async fn type_into(w: &mut OlarkWorld, text: String, part: WidgetPart) -> StepResult {
    Ok(w.type_into(part.0, &text).await?)
}

#[given(expr = "the visitor presses Enter in the {part}")]
#[when(expr = "the visitor presses Enter in the {part}")]
async fn press_enter(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    Ok(w.type_into(part.0, ENTER).await?)
}

/// The WebDriver key code of Enter.
pub const ENTER: &str = "\u{E007}";

#[derive(Deserialize)]
struct ConsoleEntry {
    level: String,
    text: String,
}

#[then(expr = "the console shows a warning containing {string}")]
async fn console_warning(w: &mut OlarkWorld, needle: String) -> StepResult {
    let timeout = w.timeout_ms();
    let found: Waited<Vec<ConsoleEntry>> = w
        .invoke(
            "consoleHas",
            json!({ "needle": needle, "timeout": timeout }),
        )
        .await?;
    if !found.met {
        let seen: Vec<String> = found
            .seen
            .iter()
            .map(|c| format!("{}: {}", c.level, c.text))
            .collect();
        fail!(
            "{}: expected a console warning or error containing {needle:?} within {timeout} ms; the console had: {seen:?}",
            w.call
        );
    }
    Ok(())
}

#[then("the page raised no errors")]
async fn no_page_errors(w: &mut OlarkWorld) -> StepResult {
    let settle = w.settle_ms();
    let errors: Value = w.invoke("errors", json!({ "settle": settle })).await?;
    if errors.as_array().is_some_and(|a| !a.is_empty()) {
        fail!(
            "{}: expected no uncaught errors in the page, got {errors}",
            w.call
        );
    }
    Ok(())
}

#[then(expr = "the loader was requested {times}")]
async fn loader_requested(w: &mut OlarkWorld, times: Times) -> StepResult {
    w.settle().await?;
    let got = w.site_state()?.loader_requests;
    if got != times.0 as u64 {
        fail!(
            "{}: expected /jsclient/loader.js to be requested {} time(s), it was requested {got} time(s)",
            w.call,
            times.0
        );
    }
    Ok(())
}

/// The page's own elements (not the widget's), such as the documentation's
/// `#chat-indicator`, are addressed by the page's selectors.
#[then(expr = "the page's {string} element has the class {string}")]
async fn page_element_class(w: &mut OlarkWorld, selector: String, class: String) -> StepResult {
    let timeout = w.timeout_ms();
    let got: Waited<Option<String>> = w
        .invoke(
            "pageClass",
            json!({ "selector": selector, "cls": class, "timeout": timeout }),
        )
        .await?;
    match got.seen {
        None => Err(w
            .fault(format!("the fixture page has no element {selector:?}"))
            .into()),
        Some(c) if c.split_whitespace().any(|x| x == class) => Ok(()),
        Some(c) => fail!(
            "{}: expected the page's {selector} to get the class {class:?} within {timeout} ms, its class is {c:?}",
            w.call
        ),
    }
}

#[given("the visitor reloads the page")]
#[when("the visitor reloads the page")]
async fn reload(w: &mut OlarkWorld) -> StepResult {
    let refreshed = w
        .webdriver("reloading the page", |c| async move { c.refresh().await })
        .await?;
    if let Err(e) = refreshed {
        return Err(w.fault(format!("failed to reload the page: {e}")).into());
    }
    wait_ready(w).await
}

#[then(expr = "the backend knows {int} visitor(s)")]
async fn backend_visitors(w: &mut OlarkWorld, count: usize) -> StepResult {
    w.settle().await?;
    let got = w.site_state()?.backend.visitors.len();
    if got != count {
        fail!(
            "{}: expected the widget to keep one visitor identity, so the backend knows {count} visitor(s); it knows {got}",
            w.call
        );
    }
    Ok(())
}

#[given(expr = "the visitor opens the page {int} times")]
#[when(expr = "the visitor opens the page {int} times")]
async fn open_times(w: &mut OlarkWorld, times: u32) -> StepResult {
    for _ in 0..times {
        w.open("embed.sub.html").await?;
        wait_ready(w).await?;
    }
    Ok(())
}
