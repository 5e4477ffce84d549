//! Steps about what the visitor sees of the widget: the chatbox's state, parts displayed
//! or not, how many there are, its language. All through the profile's selectors and
//! semantic facts (displayed, box, attributes), never an implementation's class names.

use cucumber::{given, then};
use olark_conformance::profile::Part;
use serde::Deserialize;
use serde_json::json;

use crate::steps::params::{BoxState, WidgetPart};
use crate::steps::world::{fail, OlarkWorld, StepResult};

/// What is displayed of the widget at one moment.
#[derive(Debug, Deserialize)]
struct Seen {
    chatbox: bool,
    launcher: bool,
    panel: bool,
}

impl Seen {
    fn is(&self, state: BoxState) -> bool {
        match state {
            BoxState::Shown => self.chatbox,
            BoxState::Hidden => !self.chatbox,
            BoxState::Expanded => self.chatbox && self.panel,
            BoxState::Shrunk => self.chatbox && self.launcher && !self.panel,
        }
    }

    fn describe(&self) -> String {
        let word = |b: bool| if b { "displayed" } else { "not displayed" };
        format!(
            "chatbox {}, launcher {}, chatbox panel {}",
            word(self.chatbox),
            word(self.launcher),
            word(self.panel)
        )
    }
}

#[derive(Deserialize)]
struct Waited {
    ok: bool,
    seen: Seen,
}

#[given(expr = "the chatbox is {box_state}")]
#[then(expr = "the chatbox is {box_state}")]
async fn chatbox_is(w: &mut OlarkWorld, state: BoxState) -> StepResult {
    let timeout = w.timeout_ms();
    let selectors = json!({
        "chatbox": w.selector(Part::Chatbox),
        "launcher": w.selector(Part::Launcher),
        "panel": w.selector(Part::Panel),
    });
    let waited: Waited = w
        .exec_async(
            "const [sel, want, timeout, done] = arguments;
             const H = window.__olarkConformance;
             const seen = () => ({ chatbox: H.displayed(sel.chatbox), launcher: H.displayed(sel.launcher), panel: H.displayed(sel.panel) });
             const is = s => want === 'shown' ? s.chatbox
               : want === 'hidden' ? !s.chatbox
               : want === 'expanded' ? s.chatbox && s.panel
               : s.chatbox && s.launcher && !s.panel;
             H.waitFor(() => is(seen()), timeout).then(ok => done({ ok: !!ok, seen: seen() }));",
            vec![selectors, state.word().into(), timeout.into()],
        )
        .await?;
    if !waited.ok || !waited.seen.is(state) {
        fail!(
            "{}: expected the chatbox to be {} within {timeout} ms, but {}",
            w.call,
            state.word(),
            waited.seen.describe()
        );
    }
    Ok(())
}

#[given(expr = "the {part} is displayed")]
#[then(expr = "the {part} is displayed")]
async fn part_displayed(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    expect_displayed(w, part.0, true).await
}

#[given(expr = "the {part} is not displayed")]
#[then(expr = "the {part} is not displayed")]
async fn part_not_displayed(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    expect_displayed(w, part.0, false).await
}

async fn expect_displayed(w: &mut OlarkWorld, part: Part, want: bool) -> StepResult {
    let timeout = w.timeout_ms();
    let selector = w.selector(part).to_string();
    if !w.displayed_within(&selector, want).await? {
        let (expected, actual) = if want {
            ("displayed", "it was not")
        } else {
            ("not displayed", "it still was")
        };
        fail!(
            "{}: expected the {part} ({selector}) to be {expected} within {timeout} ms, but {actual}",
            w.call
        );
    }
    Ok(())
}

#[then("the chatbox was never displayed")]
async fn never_displayed(w: &mut OlarkWorld) -> StepResult {
    w.settle().await?;
    let ever = w
        .exec(
            "const H = window.__olarkConformance; return H.watched ? H.watched.ever : null;",
            vec![],
        )
        .await?;
    match ever.as_bool() {
        Some(false) => Ok(()),
        Some(true) => fail!(
            "{}: expected the chatbox ({}) never to be displayed since the page started, but it was displayed at some point",
            w.call,
            w.selector(Part::Chatbox)
        ),
        None => Err(w.fault("the shim is not watching the chatbox (fixture page without data-watch)").into()),
    }
}

#[then(expr = "the page has exactly one {part}")]
async fn exactly_one(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    w.settle().await?;
    let selector = w.selector(part.0).to_string();
    let n = w
        .exec(
            "return document.querySelectorAll(arguments[0]).length",
            vec![selector.clone().into()],
        )
        .await?;
    if n.as_u64() != Some(1) {
        fail!(
            "{}: expected exactly one {} ({selector}) on the page, found {n}",
            w.call,
            part.0
        );
    }
    Ok(())
}

#[then(expr = "the chatbox language is {string}")]
async fn chatbox_language(w: &mut OlarkWorld, lang: String) -> StepResult {
    let timeout = w.timeout_ms();
    let selector = w.selector(Part::Chatbox).to_string();
    let got: Option<String> = w
        .exec_async(
            "const [sel, want, timeout, done] = arguments;
             const H = window.__olarkConformance;
             const lang = () => { const el = document.querySelector(sel); const l = el && el.closest('[lang]'); return l ? l.lang : null; };
             H.waitFor(() => lang() === want, timeout).then(() => done(lang()));",
            vec![selector.into(), lang.clone().into(), timeout.into()],
        )
        .await?;
    if got.as_deref() != Some(lang.as_str()) {
        fail!(
            "{}: expected the chatbox's language (its nearest lang attribute) to be {lang:?}, got {got:?}",
            w.call
        );
    }
    Ok(())
}
