//! Steps for the visitor's side of a conversation: sending through the real UI, the
//! offline form, and what the chat shows (messages by author, notifications, unread
//! count), all through the query layer. Message items are list parts: none at all is an
//! ordinary state, seen as such only while the harness sees the message list.

use cucumber::{given, then, when};
use olark_conformance::profile::Part;
use serde::Deserialize;
use serde_json::json;

use crate::steps::page::ENTER;
use crate::steps::world::{fail, OlarkWorld, StepResult, Vis, VisState, Waited};

/// Types the message into the message input and presses Enter, as a visitor does.
#[given(expr = "the visitor sends {string}")]
#[when(expr = "the visitor sends {string}")]
async fn visitor_sends(w: &mut OlarkWorld, text: String) -> StepResult {
    Ok(w.type_into(Part::Input, &format!("{text}{ENTER}")).await?)
}

#[given(expr = "the visitor leaves the offline message {string} as {string} with email {string}")]
#[when(expr = "the visitor leaves the offline message {string} as {string} with email {string}")]
async fn leaves_offline_message(
    w: &mut OlarkWorld,
    body: String,
    name: String,
    email: String,
) -> StepResult {
    w.type_into(Part::OfflineName, &name).await?;
    w.type_into(Part::OfflineEmail, &email).await?;
    w.type_into(Part::OfflineMessage, &body).await?;
    Ok(w.click(Part::OfflineSubmit).await?)
}

#[derive(Deserialize)]
struct Shown {
    vis: Vis,
    items: Vec<String>,
    others: Vec<String>,
}

/// Waits for an item of `part` whose text contains all of `texts`; also returns the
/// texts of `other` items (to check a notification is not an operator message).
async fn shown(
    w: &mut OlarkWorld,
    part: Part,
    texts: &[&str],
    other: Option<Part>,
) -> anyhow::Result<Waited<Shown>> {
    let timeout = w.timeout_ms();
    if let Some(other) = other {
        w.uses(other)?;
    }
    let waited: Waited<Shown> = w
        .query(
            "items",
            part,
            json!({ "texts": texts, "other": other.map(Part::key), "timeout": timeout }),
        )
        .await?;
    w.check_profile(&waited.seen.vis)?;
    Ok(waited)
}

/// What was shown instead, for a failure: the items, or why the harness cannot see them.
fn instead(s: &Shown) -> String {
    match s.vis.state {
        VisState::Unseen => s.vis.describe(),
        _ => format!("{:?}", s.items),
    }
}

/// The texts of `part`'s items once at least `n` are shown (or the timeout), after the
/// page settled; waiting up to the timeout for the harness to see the list even for 0.
pub async fn items(w: &mut OlarkWorld, part: Part, n: usize) -> anyhow::Result<Vec<String>> {
    let timeout = w.timeout_ms();
    let settle = w.settle_ms();
    let waited: Waited<Shown> = w
        .query(
            "items",
            part,
            json!({ "n": n, "timeout": timeout, "settle": settle }),
        )
        .await?;
    w.check_profile(&waited.seen.vis)?;
    if waited.seen.vis.state == VisState::Unseen {
        anyhow::bail!(
            "{}: expected to read the {part}s within {timeout} ms, but {}",
            w.call,
            waited.seen.vis.describe()
        );
    }
    Ok(waited.seen.items)
}

#[given(expr = "the chat shows the operator message {string} from {string}")]
#[then(expr = "the chat shows the operator message {string} from {string}")]
async fn shows_operator_message(w: &mut OlarkWorld, body: String, nickname: String) -> StepResult {
    let s = shown(w, Part::OperatorMessage, &[&body, &nickname], None).await?;
    if !s.met {
        fail!(
            "{}: expected the chat to show an operator message {body:?} from {nickname:?} within {} ms; operator messages shown: {}",
            w.call,
            w.timeout_ms(),
            instead(&s.seen)
        );
    }
    Ok(())
}

#[given(expr = "the chat shows the visitor message {string}")]
#[then(expr = "the chat shows the visitor message {string}")]
async fn shows_visitor_message(w: &mut OlarkWorld, body: String) -> StepResult {
    let s = shown(w, Part::VisitorMessage, &[&body], None).await?;
    if !s.met {
        fail!(
            "{}: expected the chat to show the visitor's message {body:?} within {} ms; visitor messages shown: {}",
            w.call,
            w.timeout_ms(),
            instead(&s.seen)
        );
    }
    Ok(())
}

#[given(expr = "the chat shows the notification {string}")]
#[then(expr = "the chat shows the notification {string}")]
async fn shows_notification(w: &mut OlarkWorld, body: String) -> StepResult {
    let s = shown(w, Part::Notification, &[&body], Some(Part::OperatorMessage)).await?;
    if !s.met {
        fail!(
            "{}: expected the chat to show the notification {body:?} within {} ms; notifications shown: {}",
            w.call,
            w.timeout_ms(),
            instead(&s.seen)
        );
    }
    if let Some(op) = s.seen.others.iter().find(|t| t.contains(&body)) {
        fail!(
            "{}: expected {body:?} as a notification, not from an operator, but an operator message shows it: {op:?}",
            w.call
        );
    }
    Ok(())
}

/// Settles, then reads all the chatbox's text, shown or not: stricter than what is
/// visible, and only with evidence the harness sees the chatbox.
#[then(expr = "the chat does not show {string}")]
async fn does_not_show(w: &mut OlarkWorld, text: String) -> StepResult {
    let timeout = w.timeout_ms();
    let settle = w.settle_ms();
    let content: Waited<crate::steps::behaviour::Reading> = w
        .query(
            "read",
            Part::Chatbox,
            json!({ "what": "content", "includes": "", "timeout": timeout, "settle": settle }),
        )
        .await?;
    w.check_profile(&content.seen.vis)?;
    if content.seen.vis.state == VisState::Unseen {
        fail!(
            "{}: expected the chat not to show {text:?}, but the harness cannot read the chatbox: {}",
            w.call,
            content.seen.vis.describe()
        );
    }
    if content.seen.text.contains(&text) {
        fail!(
            "{}: expected the chat not to show {text:?}, but the chatbox contains it",
            w.call
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Unread {
    vis: Vis,
    text: Option<String>,
}

#[then(expr = "the unread indicator shows {int}")]
async fn unread_shows(w: &mut OlarkWorld, count: u32) -> StepResult {
    w.uses(Part::Unread)?;
    let timeout = w.timeout_ms();
    let got: Waited<Unread> = w
        .invoke(
            "unread",
            json!({ "count": count.to_string(), "timeout": timeout }),
        )
        .await?;
    w.check_profile(&got.seen.vis)?;
    if !got.met {
        let shows = match got.seen.vis.state {
            VisState::Unseen => got.seen.vis.describe(),
            _ => format!("it shows {:?}", got.seen.text),
        };
        fail!(
            "{}: expected the unread indicator ({}) to show {count} within {timeout} ms, but {shows}",
            w.call,
            w.selector(Part::Unread)
        );
    }
    Ok(())
}

/// Answers the chat ratings: four ratings from 1 to 5 (chat, knowledge, responsiveness,
/// friendliness), then the additional feedback, as a visitor clicks through them.
#[when(expr = "the visitor rates the chat {int}, {int}, {int}, {int} with the comment {string}")]
async fn rates_chat(
    w: &mut OlarkWorld,
    chat: u32,
    intelligence: u32,
    speed: u32,
    attitude: u32,
    comment: String,
) -> StepResult {
    w.click(Part::FeedbackBegin).await?;
    // The survey shows one question at a time: a rating of the current one, then next.
    for rating in [chat, intelligence, speed, attitude] {
        w.click_rating(rating).await?;
        w.click(Part::FeedbackNext).await?;
    }
    w.type_into(Part::FeedbackComment, &comment).await?;
    Ok(w.click(Part::FeedbackNext).await?)
}
