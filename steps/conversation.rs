//! Steps for the visitor's side of a conversation: sending through the real UI, the
//! offline form, and what the chat shows (messages by author, notifications, unread
//! count), all through the profile's selectors.

use cucumber::{given, then, when};
use fantoccini::Locator;
use olark_conformance::profile::Part;
use serde::Deserialize;

use crate::steps::page::ENTER;
use crate::steps::world::{fail, OlarkWorld, StepResult};

/// Types the message into the message input and presses Enter, as a visitor does.
#[given(expr = "the visitor sends {string}")]
#[when(expr = "the visitor sends {string}")]
async fn visitor_sends(w: &mut OlarkWorld, text: String) -> StepResult {
    w.type_into(Part::Input, &text).await?;
    Ok(w.type_into(Part::Input, ENTER).await?)
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
    ok: bool,
    items: Vec<String>,
    others: Vec<String>,
}

/// Waits for an item of `part` whose text contains all of `texts`; also returns the
/// texts of `other` items (to check a notification is not an operator message).
async fn shown(
    w: &mut OlarkWorld,
    part: Part,
    texts: &[&str],
    other: Part,
) -> anyhow::Result<Shown> {
    let timeout = w.timeout_ms();
    let selector = w.selector(part).to_string();
    let other = w.selector(other).to_string();
    w.exec_async(
        "const [sel, other, texts, timeout, done] = arguments;
         const H = window.__olarkConformance;
         const items = s => Array.from(document.querySelectorAll(s)).map(e => e.textContent.trim());
         const hit = () => items(sel).some(t => texts.every(x => t.includes(x)));
         H.waitFor(hit, timeout).then(ok => done({ ok: !!ok, items: items(sel), others: items(other) }));",
        vec![selector.into(), other.into(), texts.into(), timeout.into()],
    )
    .await
}

#[given(expr = "the chat shows the operator message {string} from {string}")]
#[then(expr = "the chat shows the operator message {string} from {string}")]
async fn shows_operator_message(w: &mut OlarkWorld, body: String, nickname: String) -> StepResult {
    let s = shown(
        w,
        Part::OperatorMessage,
        &[&body, &nickname],
        Part::Notification,
    )
    .await?;
    if !s.ok {
        fail!(
            "{}: expected the chat to show an operator message {body:?} from {nickname:?} within {} ms; operator messages shown: {:?}",
            w.call,
            w.timeout_ms(),
            s.items
        );
    }
    Ok(())
}

#[given(expr = "the chat shows the visitor message {string}")]
#[then(expr = "the chat shows the visitor message {string}")]
async fn shows_visitor_message(w: &mut OlarkWorld, body: String) -> StepResult {
    let s = shown(w, Part::VisitorMessage, &[&body], Part::OperatorMessage).await?;
    if !s.ok {
        fail!(
            "{}: expected the chat to show the visitor's message {body:?} within {} ms; visitor messages shown: {:?}",
            w.call,
            w.timeout_ms(),
            s.items
        );
    }
    Ok(())
}

#[given(expr = "the chat shows the notification {string}")]
#[then(expr = "the chat shows the notification {string}")]
async fn shows_notification(w: &mut OlarkWorld, body: String) -> StepResult {
    let s = shown(w, Part::Notification, &[&body], Part::OperatorMessage).await?;
    if !s.ok {
        fail!(
            "{}: expected the chat to show the notification {body:?} within {} ms; notifications shown: {:?}",
            w.call,
            w.timeout_ms(),
            s.items
        );
    }
    if let Some(op) = s.others.iter().find(|t| t.contains(&body)) {
        fail!(
            "{}: expected {body:?} as a notification, not from an operator, but an operator message shows it: {op:?}",
            w.call
        );
    }
    Ok(())
}

#[then(expr = "the chat does not show {string}")]
async fn does_not_show(w: &mut OlarkWorld, text: String) -> StepResult {
    w.settle().await?;
    let selector = w.selector(Part::Chatbox).to_string();
    let content = w
        .exec(
            "const el = document.querySelector(arguments[0]); return el ? el.textContent : '';",
            vec![selector.into()],
        )
        .await?;
    if content.as_str().is_some_and(|c| c.contains(&text)) {
        fail!(
            "{}: expected the chat not to show {text:?}, but the chatbox contains it",
            w.call
        );
    }
    Ok(())
}

#[then(expr = "the unread indicator shows {int}")]
async fn unread_shows(w: &mut OlarkWorld, count: u32) -> StepResult {
    let timeout = w.timeout_ms();
    let selector = w.selector(Part::Unread).to_string();
    let got: Option<String> = w
        .exec_async(
            "const [sel, want, timeout, done] = arguments;
             const H = window.__olarkConformance;
             const text = () => { const el = document.querySelector(sel); return el && H.displayed(sel) ? el.textContent.trim() : null; };
             H.waitFor(() => text() !== null && text().includes(want), timeout).then(() => done(text()));",
            vec![selector.clone().into(), count.to_string().into(), timeout.into()],
        )
        .await?;
    if !got
        .as_deref()
        .is_some_and(|t| t.contains(&count.to_string()))
    {
        fail!(
            "{}: expected the unread indicator ({selector}) to show {count} within {timeout} ms, it shows {got:?}",
            w.call
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
    let form = w.selector(Part::FeedbackForm).to_string();
    for rating in [chat, intelligence, speed, attitude] {
        // The survey shows one question at a time: the rating inputs of the current one.
        let radio = format!("{form} input[type=radio][value=\"{rating}\"]");
        let timeout = w.timeout_ms();
        let found: bool = w
            .exec_async(
                "const [sel, timeout, done] = arguments;
                 const H = window.__olarkConformance;
                 H.waitFor(() => Array.from(document.querySelectorAll(sel)).some(e => e.getClientRects().length), timeout).then(ok => done(!!ok));",
                vec![radio.clone().into(), timeout.into()],
            )
            .await?;
        if !found {
            fail!(
                "{}: expected the feedback form to offer the rating {rating} ({radio})",
                w.call
            );
        }
        // A real click on the rating, or on its label when the input itself is styled away.
        let inputs = w
            .webdriver("finding the rating inputs", |c| {
                let radio = radio.clone();
                async move { c.find_all(Locator::Css(&radio)).await }
            })
            .await?;
        let inputs = inputs.map_err(|e| w.command_error(e, "failed to find the rating inputs"))?;
        let mut chosen = false;
        for input in inputs {
            if w.within_deadline("clicking a rating", input.click())
                .await?
                .is_ok()
            {
                chosen = true;
                break;
            }
            let label = input.find(Locator::XPath("./ancestor::label"));
            if let Ok(label) = w.within_deadline("finding a rating's label", label).await? {
                if w.within_deadline("clicking a rating's label", label.click())
                    .await?
                    .is_ok()
                {
                    chosen = true;
                    break;
                }
            }
        }
        if !chosen {
            fail!(
                "{}: expected the rating {rating} to be selectable by a click",
                w.call
            );
        }
        w.click(Part::FeedbackNext).await?;
    }
    w.type_into(Part::FeedbackComment, &comment).await?;
    Ok(w.click(Part::FeedbackNext).await?)
}
