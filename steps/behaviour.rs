//! Steps for the behaviour configuration: what text the widget shows (localization),
//! what the page's analytics received, whether the widget loads on a host, and how links
//! in operator messages open.

use cucumber::{given, then, when};
use olark_conformance::matching::includes;
use olark_conformance::profile::Part;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::steps::params::WidgetPart;
use crate::steps::world::{fail, OlarkWorld, StepResult, Vis, VisState, Waited};

/// A reading of a part (query.js `read`): what the harness saw of it, and its text.
#[derive(Debug, Deserialize)]
pub struct Reading {
    pub vis: Vis,
    pub text: String,
}

/// What a reading of a part found, as the query layer answered it.
struct Seen {
    ok: bool,
    seen: String,
}

/// How a part is read: its visible text, all its text, its placeholder, or its
/// accessible name.
#[derive(Clone, Copy)]
enum Read {
    Text,
    Placeholder,
    Name,
}

impl Read {
    fn word(self) -> &'static str {
        match self {
            Read::Text => "text",
            Read::Placeholder => "placeholder",
            Read::Name => "name",
        }
    }
}

/// Waits until the reading of the part includes `text`. With `settle`, the page settles
/// first and the reading is taken again. A part the harness cannot see fails here, so
/// "does not show" never passes on a selector that matches nothing.
async fn part_reads(
    w: &mut OlarkWorld,
    part: Part,
    read: Read,
    text: &str,
    settle: bool,
) -> anyhow::Result<Seen> {
    let timeout = w.timeout_ms();
    let settle = settle.then(|| w.settle_ms());
    let r: Waited<Reading> = w
        .query(
            "read",
            part,
            json!({ "what": read.word(), "includes": text, "timeout": timeout, "settle": settle }),
        )
        .await?;
    w.check_profile(&r.seen.vis)?;
    if r.seen.vis.state == VisState::Unseen {
        fail_unseen(w, part, &r.seen.vis)?;
    }
    Ok(Seen {
        ok: r.met,
        seen: r.seen.text,
    })
}

/// The failure of a reading of a part the harness cannot see.
fn fail_unseen(w: &OlarkWorld, part: Part, vis: &Vis) -> anyhow::Result<()> {
    Err(anyhow::anyhow!(
        "{}: expected to read the {part} within {} ms, but {}",
        w.call,
        w.timeout_ms(),
        vis.describe()
    ))
}

#[given(expr = "the {part} shows the text {string}")]
#[then(expr = "the {part} shows the text {string}")]
async fn shows_the_text(w: &mut OlarkWorld, part: WidgetPart, text: String) -> StepResult {
    let s = part_reads(w, part.0, Read::Text, &text, false).await?;
    if !s.ok {
        fail!(
            "{}: expected the {} to show the text {text:?} within {} ms, it shows {:?}",
            w.call,
            part.0,
            w.timeout_ms(),
            s.seen
        );
    }
    Ok(())
}

#[then(expr = "the {part} does not show the text {string}")]
async fn does_not_show_text(w: &mut OlarkWorld, part: WidgetPart, text: String) -> StepResult {
    let s = part_reads(w, part.0, Read::Text, "", true).await?;
    if s.seen.contains(&text) {
        fail!(
            "{}: expected the {} not to show {text:?}, it shows {:?}",
            w.call,
            part.0,
            s.seen
        );
    }
    Ok(())
}

#[then(expr = "the {part}'s placeholder is not {string}")]
async fn placeholder_is_not(w: &mut OlarkWorld, part: WidgetPart, text: String) -> StepResult {
    let s = part_reads(w, part.0, Read::Placeholder, "", true).await?;
    if s.seen == text {
        fail!(
            "{}: expected the {}'s placeholder not to be {text:?}",
            w.call,
            part.0
        );
    }
    Ok(())
}

#[then(expr = "the {part}'s placeholder is {string}")]
async fn placeholder(w: &mut OlarkWorld, part: WidgetPart, text: String) -> StepResult {
    let s = part_reads(w, part.0, Read::Placeholder, &text, false).await?;
    if !s.ok || s.seen != text {
        fail!(
            "{}: expected the {}'s placeholder to be {text:?}, it is {:?}",
            w.call,
            part.0,
            s.seen
        );
    }
    Ok(())
}

/// The launcher's accessible name: its `aria-label`, else its text.
#[then(expr = "the {part}'s accessible name includes {string}")]
async fn accessible_name(w: &mut OlarkWorld, part: WidgetPart, text: String) -> StepResult {
    let s = part_reads(w, part.0, Read::Name, &text, false).await?;
    if !s.ok {
        fail!(
            "{}: expected the {}'s accessible name to include {text:?}, it is {:?}",
            w.call,
            part.0,
            s.seen
        );
    }
    Ok(())
}

/// The fixture page "analytics" carries Google's standard `gtag` and `ga` snippets
/// (without loading Google's scripts); their queues record every call.
async fn analytics_calls(w: &mut OlarkWorld, at_least: usize) -> anyhow::Result<Vec<Value>> {
    let timeout = if at_least == 0 { 0 } else { w.timeout_ms() };
    let settle = w.settle_ms();
    w.invoke(
        "analytics",
        json!({ "n": at_least, "timeout": timeout, "settle": settle }),
    )
    .await
}

/// The doc string is one JSON array per line, e.g. `["gtag", "event", "chat_expanded",
/// {"send_to": "G-TEST123"}]`; each must match (as a prefix, objects as subsets) some
/// call the page's analytics received.
#[then("the page's analytics received:")]
async fn analytics_received(w: &mut OlarkWorld, step: &cucumber::gherkin::Step) -> StepResult {
    let text = crate::steps::page::docstring(w, step)?.to_string();
    let mut wanted = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match serde_json::from_str::<Value>(line) {
            Ok(v) => wanted.push(v),
            Err(e) => return Err(w.fault(format!("{line:?} is not a JSON array: {e}")).into()),
        }
    }
    let calls = analytics_calls(w, wanted.len()).await?;
    let missing: Vec<&Value> = wanted
        .iter()
        .filter(|want| !calls.iter().any(|c| includes_prefix(c, want)))
        .collect();
    if !missing.is_empty() {
        fail!(
            "{}: expected the page's analytics to receive {missing:?}; it received {calls:?}",
            w.call
        );
    }
    Ok(())
}

/// Whether `call` starts with the elements of `want` (objects compared as subsets).
fn includes_prefix(call: &Value, want: &Value) -> bool {
    match (call.as_array(), want.as_array()) {
        (Some(c), Some(w)) => {
            c.len() >= w.len() && c.iter().zip(w).all(|(cv, wv)| includes(cv, wv))
        }
        _ => false,
    }
}

#[then("the page's analytics received nothing from the chat")]
async fn analytics_nothing(w: &mut OlarkWorld) -> StepResult {
    let calls = analytics_calls(w, 0).await?;
    if !calls.is_empty() {
        fail!(
            "{}: expected no analytics calls from the chat, the page received {calls:?}",
            w.call
        );
    }
    Ok(())
}

/// The widget decides at load whether it runs on this host: its readiness is awaited
/// for at most the profile's timeout (2 s at most), then nothing may be displayed outside
/// the fixture's own content (its `<main>`). That check needs no selector: a widget that
/// does not load has no DOM to find, so only a positive sighting can fail it, and it sees
/// any widget, whatever its DOM.
#[then("the widget does not load")]
async fn does_not_load(w: &mut OlarkWorld) -> StepResult {
    let timeout = w.timeout_ms().min(2_000);
    let ready = w.ready_within(timeout).await?;
    let shown: Vec<String> = w.invoke("foreignDisplayed", json!({})).await?;
    if ready || !shown.is_empty() {
        fail!(
            "{}: expected the widget not to load on this host, but it {}",
            w.call,
            if ready {
                "became ready".to_string()
            } else {
                format!("displayed {}", shown.join(", "))
            }
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Link {
    vis: Vis,
    found: bool,
    /// The link's target, or its document's `<base target>`.
    target: String,
    /// Where following it goes: "same" (the page's own window), "new", "frame" (only the
    /// widget's frame) or "named".
    opens: Option<String>,
    href: String,
}

impl Link {
    fn found(&self) -> String {
        if !self.found {
            return "no such link".into();
        }
        let goes = match self.opens.as_deref() {
            Some("same") => "the page's own window",
            Some("new") => "a new window",
            Some("frame") => "only the widget's frame",
            _ => "a named window",
        };
        format!(
            "{} with target {:?}, which opens in {goes}",
            self.href, self.target
        )
    }
}

async fn operator_link(w: &mut OlarkWorld, url: &str) -> anyhow::Result<Link> {
    let timeout = w.timeout_ms();
    let link: Waited<Link> = w
        .query(
            "link",
            Part::OperatorMessage,
            json!({ "url": url, "timeout": timeout }),
        )
        .await?;
    w.check_profile(&link.seen.vis)?;
    if !link.seen.found && link.seen.vis.state == VisState::Unseen {
        fail_unseen(w, Part::OperatorMessage, &link.seen.vis)?;
    }
    Ok(link.seen)
}

#[then(expr = "the operator message's link to {string} opens in a new window")]
async fn link_new_window(w: &mut OlarkWorld, url: String) -> StepResult {
    let link = operator_link(w, &url).await?;
    if !link.found || link.opens.as_deref() != Some("new") {
        fail!(
            "{}: expected a link to {url} in an operator message that opens in a new window (target=_blank), found {}",
            w.call,
            link.found()
        );
    }
    Ok(())
}

#[then(expr = "the operator message's link to {string} opens in the same window")]
async fn link_same_window(w: &mut OlarkWorld, url: String) -> StepResult {
    let link = operator_link(w, &url).await?;
    if !link.found || link.opens.as_deref() != Some("same") {
        fail!(
            "{}: expected a link to {url} in an operator message that opens in the same window (the page's own), found {}",
            w.call,
            link.found()
        );
    }
    Ok(())
}

#[given(expr = "the page's random numbers are seeded with {int}")]
async fn seeded(w: &mut OlarkWorld, seed: u32) -> StepResult {
    w.update_site(|s| s.random_seed = Some(seed))?;
    Ok(())
}

/// The doc string lists the possible messages, one per line.
#[given(expr = "the chat shows one of these operator messages from {string}:")]
#[then(expr = "the chat shows one of these operator messages from {string}:")]
async fn shows_one_of(
    w: &mut OlarkWorld,
    nickname: String,
    step: &cucumber::gherkin::Step,
) -> StepResult {
    let options: Vec<String> = crate::steps::page::docstring(w, step)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let items = operator_messages(w, 1).await?;
    if !items
        .iter()
        .any(|t| t.contains(&nickname) && options.iter().any(|o| t.contains(o.as_str())))
    {
        fail!(
            "{}: expected an operator message from {nickname:?} saying one of {options:?}; operator messages shown: {items:?}",
            w.call
        );
    }
    Ok(())
}

/// The texts of the operator messages shown, once at least `n` are (or the timeout), after
/// the page settled. Zero messages count only when the harness sees the message list.
async fn operator_messages(w: &mut OlarkWorld, n: usize) -> anyhow::Result<Vec<String>> {
    crate::steps::conversation::items(w, Part::OperatorMessage, n).await
}

#[given(expr = "the chat shows {int} operator message(s)")]
#[then(expr = "the chat shows {int} operator message(s)")]
async fn operator_message_count(w: &mut OlarkWorld, n: usize) -> StepResult {
    let items = operator_messages(w, n).await?;
    if items.len() != n {
        fail!(
            "{}: expected {n} operator message(s) in the chat, there are {}: {items:?}",
            w.call,
            items.len()
        );
    }
    Ok(())
}

#[given("the visitor notes the last operator message")]
#[when("the visitor notes the last operator message")]
async fn note_last(w: &mut OlarkWorld) -> StepResult {
    let items = operator_messages(w, 1).await?;
    let Some(last) = items.last().cloned() else {
        fail!(
            "{}: expected an operator message to note, there is none",
            w.call
        );
    };
    w.noted_text = Some(last);
    Ok(())
}

#[then("the last operator message is the one noted")]
async fn last_is_noted(w: &mut OlarkWorld) -> StepResult {
    let Some(noted) = w.noted_text.clone() else {
        return Err(w
            .fault("no operator message was noted earlier in the scenario")
            .into());
    };
    let items = operator_messages(w, 1).await?;
    if items.last() != Some(&noted) {
        fail!(
            "{}: expected the last operator message to be the noted {noted:?}, the chat shows {items:?}",
            w.call
        );
    }
    Ok(())
}

/// Forgets the visitor (cookies and storage of the site's origin) and reloads: the
/// next page is a first-time visitor's.
#[given("the visitor comes back as a new visitor")]
#[when("the visitor comes back as a new visitor")]
async fn new_visitor(w: &mut OlarkWorld) -> StepResult {
    let cleared = w
        .webdriver("deleting cookies", |c| async move {
            c.delete_all_cookies().await
        })
        .await?;
    cleared.map_err(|e| w.command_error(e, "failed to delete the cookies"))?;
    let _: Value = w.invoke("clearStorage", json!({})).await?;
    w.open("embed.sub.html").await?;
    crate::steps::page::wait_ready(w).await
}
