//! Steps about what the visitor sees of the widget: the chatbox's state, parts displayed
//! or not, how many there are, its language. All through the query layer, which finds
//! parts through the profile's scope and selectors and judges them by semantic facts
//! (displayed, box, attributes), never by an implementation's class names.
//!
//! Every "not displayed" here needs evidence: a part the harness cannot see (a selector
//! that matches nothing, a scope that does not resolve) fails, saying so.

use cucumber::{given, then};
use olark_conformance::profile::Part;
use serde::Deserialize;
use serde_json::json;

use crate::steps::params::{BoxState, WidgetPart};
use crate::steps::world::{fail, OlarkWorld, StepResult, Vis, VisState, Waited};

/// What is displayed of the widget at one moment.
#[derive(Debug, Deserialize)]
struct Seen {
    chatbox: Vis,
    launcher: Vis,
    panel: Vis,
}

impl Seen {
    fn describe(&self, parts: &[Part]) -> String {
        parts
            .iter()
            .map(|&p| {
                let vis = match p {
                    Part::Launcher => &self.launcher,
                    Part::Panel => &self.panel,
                    _ => &self.chatbox,
                };
                match vis.state {
                    VisState::Displayed => format!("{p} displayed"),
                    VisState::Hidden => format!("{p} not displayed"),
                    VisState::Unseen => format!("{p}: {}", vis.describe()),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The parts each state is judged by.
fn judged_by(state: BoxState) -> &'static [Part] {
    match state {
        BoxState::Shown | BoxState::Hidden => &[Part::Chatbox],
        BoxState::Expanded => &[Part::Chatbox, Part::Panel],
        BoxState::Shrunk => &[Part::Chatbox, Part::Launcher, Part::Panel],
    }
}

#[given(expr = "the chatbox is {box_state}")]
#[then(expr = "the chatbox is {box_state}")]
async fn chatbox_is(w: &mut OlarkWorld, state: BoxState) -> StepResult {
    let timeout = w.timeout_ms();
    let parts = judged_by(state);
    for &p in parts {
        w.uses(p)?;
    }
    let waited: Waited<Seen> = w
        .invoke(
            "boxState",
            json!({ "want": state.word(), "timeout": timeout }),
        )
        .await?;
    for vis in [
        &waited.seen.chatbox,
        &waited.seen.launcher,
        &waited.seen.panel,
    ] {
        if parts.iter().any(|p| p.key() == vis.part) {
            w.check_profile(vis)?;
        }
    }
    if !waited.met {
        fail!(
            "{}: expected the chatbox to be {} within {timeout} ms, but {}",
            w.call,
            state.word(),
            waited.seen.describe(parts)
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
    let waited = w.displayed_within(part, want).await?;
    if !waited.met {
        let expected = if want { "displayed" } else { "not displayed" };
        let actual = match waited.seen.state {
            VisState::Displayed => "it still was".to_string(),
            VisState::Hidden => "it was not".to_string(),
            VisState::Unseen => waited.seen.describe(),
        };
        fail!(
            "{}: expected the {part} ({}) to be {expected} within {timeout} ms, but {actual}",
            w.call,
            w.selector(part)
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Watched {
    #[serde(rename = "everDisplayed")]
    ever_displayed: bool,
    #[serde(rename = "everPresent")]
    ever_present: bool,
    vis: Vis,
}

/// The query layer watches the chatbox from the first moment of the page (every DOM
/// change, every frame). "Never displayed" needs evidence the watcher could see it: the
/// chatbox existed at some point, or is seen not displayed now.
#[then("the chatbox was never displayed")]
async fn never_displayed(w: &mut OlarkWorld) -> StepResult {
    w.uses(Part::Chatbox)?;
    let settle = w.settle_ms();
    let watched: Watched = w
        .invoke("neverDisplayed", json!({ "settle": settle }))
        .await?;
    w.check_profile(&watched.vis)?;
    if watched.ever_displayed {
        fail!(
            "{}: expected the chatbox ({}) never to be displayed since the page started, but it was displayed at some point",
            w.call,
            w.selector(Part::Chatbox)
        );
    }
    if !watched.ever_present && watched.vis.state == VisState::Unseen {
        fail!(
            "{}: expected the chatbox never to be displayed, but the harness never saw it: {}",
            w.call,
            watched.vis.describe()
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Counted {
    vis: Vis,
    count: usize,
}

#[then(expr = "the page has exactly one {part}")]
async fn exactly_one(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    let settle = w.settle_ms();
    let counted: Counted = w
        .query("count", part.0, json!({ "settle": settle }))
        .await?;
    w.check_profile(&counted.vis)?;
    if counted.count != 1 {
        let detail = match counted.vis.state {
            VisState::Unseen => format!(": {}", counted.vis.describe()),
            _ => String::new(),
        };
        fail!(
            "{}: expected exactly one {} ({}) on the page, found {}{detail}",
            w.call,
            part.0,
            w.selector(part.0),
            counted.count
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Language {
    vis: Vis,
    lang: Option<String>,
}

#[then(expr = "the chatbox language is {string}")]
async fn chatbox_language(w: &mut OlarkWorld, lang: String) -> StepResult {
    w.uses(Part::Chatbox)?;
    let timeout = w.timeout_ms();
    let waited: Waited<Language> = w
        .invoke("language", json!({ "want": lang, "timeout": timeout }))
        .await?;
    w.check_profile(&waited.seen.vis)?;
    if !waited.met {
        let got = match waited.seen.vis.state {
            VisState::Unseen => waited.seen.vis.describe(),
            _ => format!("got {:?}", waited.seen.lang),
        };
        fail!(
            "{}: expected the chatbox's language (its nearest lang attribute) to be {lang:?}, {got}",
            w.call
        );
    }
    Ok(())
}
