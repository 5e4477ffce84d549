//! Steps for the operator side of a conversation, driven through the mock backend (the
//! same operations the control API offers): operators, their presence and groups, what
//! they say, and what reached them. Nothing here touches the page.

use cucumber::{given, then, when};
use olark_conformance::server::backend::{BackendError, Direction, Kind, Operator};
use olark_conformance::server::sites::Site;

use crate::steps::world::{fail, OlarkWorld, StepResult};

/// Operators are named in steps; their id is the name in lower case.
fn operator_id(name: &str) -> String {
    name.to_lowercase()
}

fn ensure_operator(
    w: &mut OlarkWorld,
    name: &str,
    group: Option<&str>,
    available: bool,
) -> anyhow::Result<()> {
    let id = operator_id(name);
    let done = w.update_site(|s| {
        if s.backend.operators.iter().any(|o| o.id == id) {
            s.backend.set_available(&id, available)
        } else {
            s.backend.add_operator(Operator {
                id: id.clone(),
                name: name.to_string(),
                nickname: name.to_string(),
                available,
                groups: group.map(|g| vec![g.to_string()]).unwrap_or_default(),
            })
        }
    })?;
    done.map_err(|e| w.fault(format!("failed to set up operator {name:?}: {e}")))
}

#[given(expr = "an operator {string} is available")]
async fn operator_available(w: &mut OlarkWorld, name: String) -> StepResult {
    Ok(ensure_operator(w, &name, None, true)?)
}

#[given(expr = "an operator {string} is away")]
async fn operator_away(w: &mut OlarkWorld, name: String) -> StepResult {
    Ok(ensure_operator(w, &name, None, false)?)
}

#[given(expr = "an operator {string} of group {string} is available")]
async fn group_operator_available(w: &mut OlarkWorld, name: String, group: String) -> StepResult {
    Ok(ensure_operator(w, &name, Some(&group), true)?)
}

#[given(expr = "an operator {string} of group {string} is away")]
async fn group_operator_away(w: &mut OlarkWorld, name: String, group: String) -> StepResult {
    Ok(ensure_operator(w, &name, Some(&group), false)?)
}

#[given(expr = "operator {string} comes online")]
#[when(expr = "operator {string} comes online")]
async fn comes_online(w: &mut OlarkWorld, name: String) -> StepResult {
    set_available(w, &name, true)
}

#[given(expr = "operator {string} goes away")]
#[when(expr = "operator {string} goes away")]
async fn goes_away(w: &mut OlarkWorld, name: String) -> StepResult {
    set_available(w, &name, false)
}

fn set_available(w: &mut OlarkWorld, name: &str, available: bool) -> StepResult {
    let id = operator_id(name);
    let done = w.update_site(|s| s.backend.set_available(&id, available))?;
    done.map_err(|e| w.fault(format!("operator {name:?}: {e}")))?;
    Ok(())
}

/// Sends as the operator to the visitor the widget registered; a message starting with
/// `!` is a command. Waits for the widget to have opened its visitor session first.
#[given(expr = "operator {string} says {string}")]
#[when(expr = "operator {string} says {string}")]
async fn operator_says(w: &mut OlarkWorld, name: String, body: String) -> StepResult {
    wait_for_visitor(w).await?;
    let id = operator_id(&name);
    let said = w.update_site(|s| {
        let now = s.now_ms();
        s.backend.operator_says(&id, None, &body, now)
    })?;
    match said {
        Ok(_) => Ok(()),
        Err(e @ BackendError::UnknownOperator(_)) => Err(w.fault(e).into()),
        Err(e) => fail!("{}: operator {name:?} could not say {body:?}: {e}", w.call),
    }
}

async fn wait_for_visitor(w: &mut OlarkWorld) -> StepResult {
    let waited = backend_wait(w, |s| {
        if s.backend.visitors.is_empty() {
            Err("no visitor yet".into())
        } else {
            Ok(())
        }
    })
    .await?;
    if let Err(last) = waited {
        fail!(
            "{}: expected the widget to open a visitor session with the backend (POST …/page) within {} ms, but {last}",
            w.call,
            w.timeout_ms()
        );
    }
    Ok(())
}

/// Waits until `check` passes on the site; `Ok(Err(last))` is a timeout with the last
/// reading, a vanished site is a harness fault.
pub async fn backend_wait<T>(
    w: &mut OlarkWorld,
    check: impl FnMut(&Site) -> Result<T, String>,
) -> anyhow::Result<Result<T, String>> {
    let timeout = std::time::Duration::from_millis(w.timeout_ms());
    let site = w.site.clone();
    match w
        .harness
        .server
        .sites()
        .wait_for(&site, timeout, check)
        .await
    {
        Ok(v) => Ok(Ok(v)),
        Err(Some(last)) => Ok(Err(last)),
        Err(None) => Err(w.fault("the scenario's site is gone")),
    }
}

/// What reached `operator`, for messages: `author: body` per line.
fn received(site: &Site, operator: &str) -> Vec<String> {
    site.backend
        .received_by(operator)
        .iter()
        .map(|l| format!("{}: {}", l.author, l.body))
        .collect()
}

async fn expect_received(
    w: &mut OlarkWorld,
    name: &str,
    kind: Kind,
    author: &str,
    body: &str,
) -> StepResult {
    let id = operator_id(name);
    let waited = backend_wait(w, |s| {
        let hit = s.backend.received_by(&id).iter().any(|l| {
            l.direction == Direction::ToOperator
                && l.kind == kind
                && l.author == author
                && l.body == body
        });
        if hit {
            Ok(())
        } else {
            Err(format!("operator {name:?} received {:?}", received(s, &id)))
        }
    })
    .await?;
    if let Err(last) = waited {
        fail!(
            "{}: expected operator {name:?} to receive \"{author}: {body}\" within {} ms, but {last}",
            w.call,
            w.timeout_ms()
        );
    }
    Ok(())
}

#[given(expr = "operator {string} received {string}")]
#[then(expr = "operator {string} received {string}")]
async fn operator_received(w: &mut OlarkWorld, name: String, body: String) -> StepResult {
    expect_received(w, &name, Kind::Message, "visitor", &body).await
}

#[given(expr = "operator {string} received the notification {string} marked [info]")]
#[then(expr = "operator {string} received the notification {string} marked [info]")]
async fn operator_received_info(w: &mut OlarkWorld, name: String, body: String) -> StepResult {
    expect_received(w, &name, Kind::Notification, "[info]", &body).await
}

#[then(expr = "operator {string} did not receive {string}")]
async fn operator_did_not_receive(w: &mut OlarkWorld, name: String, body: String) -> StepResult {
    w.settle().await?;
    let id = operator_id(&name);
    let lines = w.site_state()?;
    let got = received(&lines, &id);
    if got.iter().any(|l| l.ends_with(&format!(": {body}"))) {
        fail!(
            "{}: expected operator {name:?} not to receive {body:?}, but they received {got:?}",
            w.call
        );
    }
    Ok(())
}

#[then(expr = "the backend stored the offline message {string} from {string} with email {string}")]
async fn offline_stored(
    w: &mut OlarkWorld,
    body: String,
    name: String,
    email: String,
) -> StepResult {
    let waited = backend_wait(w, |s| {
        let stored = &s.backend.offline_messages;
        if stored
            .iter()
            .any(|m| m.body == body && m.name == name && m.email == email)
        {
            Ok(())
        } else {
            let seen: Vec<String> = stored
                .iter()
                .map(|m| format!("{:?} from {:?} <{}>", m.body, m.name, m.email))
                .collect();
            Err(format!("the backend has {seen:?}"))
        }
    })
    .await?;
    if let Err(last) = waited {
        fail!(
            "{}: expected the backend to store the offline message {body:?} from {name:?} <{email}> within {} ms, but {last}",
            w.call,
            w.timeout_ms()
        );
    }
    Ok(())
}

#[then(expr = "the visitor's messages reach the group {string}")]
async fn visitor_group(w: &mut OlarkWorld, group: String) -> StepResult {
    let waited = backend_wait(w, |s| {
        let groups: Vec<Option<String>> =
            s.backend.visitors.iter().map(|v| v.group.clone()).collect();
        if groups.last().cloned().flatten().as_deref() == Some(group.as_str()) {
            Ok(())
        } else {
            Err(format!(
                "the visitor's group is {:?}",
                groups.last().cloned().flatten()
            ))
        }
    })
    .await?;
    if let Err(last) = waited {
        fail!(
            "{}: expected the backend to route the visitor to group {group:?} within {} ms, but {last}",
            w.call,
            w.timeout_ms()
        );
    }
    Ok(())
}

#[given(expr = "operator {string} received {int} notification(s)")]
#[then(expr = "operator {string} received {int} notification(s)")]
async fn notification_count(w: &mut OlarkWorld, name: String, n: usize) -> StepResult {
    let id = operator_id(&name);
    let count = |s: &Site| {
        s.backend
            .received_by(&id)
            .iter()
            .filter(|l| l.kind == Kind::Notification)
            .count()
    };
    if n > 0 {
        let waited = backend_wait(w, |s| {
            let c = count(s);
            if c >= n {
                Ok(())
            } else {
                Err(format!("{c} arrived"))
            }
        })
        .await?;
        if let Err(last) = waited {
            fail!(
                "{}: expected operator {name:?} to receive {n} notification(s) within {} ms, {last}",
                w.call,
                w.timeout_ms()
            );
        }
    }
    w.settle().await?;
    let site = w.site_state()?;
    let got = count(&site);
    if got != n {
        fail!(
            "{}: expected operator {name:?} to receive {n} notification(s), they received {got}: {:?}",
            w.call,
            received(&site, &id)
        );
    }
    Ok(())
}

fn notifications(site: &Site, operator: &str) -> Vec<String> {
    site.backend
        .received_by(operator)
        .iter()
        .filter(|l| l.kind == Kind::Notification)
        .map(|l| l.body.clone())
        .collect()
}

#[then(expr = "operator {string} received a notification containing {string}")]
async fn notification_containing(w: &mut OlarkWorld, name: String, text: String) -> StepResult {
    let id = operator_id(&name);
    let waited = backend_wait(w, |s| {
        let got = notifications(s, &id);
        if got.iter().any(|b| b.contains(&text)) {
            Ok(())
        } else {
            Err(format!("they received {got:?}"))
        }
    })
    .await?;
    if let Err(last) = waited {
        fail!(
            "{}: expected operator {name:?} to receive a notification containing {text:?} within {} ms, but {last}",
            w.call,
            w.timeout_ms()
        );
    }
    Ok(())
}

#[then(expr = "operator {string} received no notification containing {string}")]
async fn no_notification_containing(w: &mut OlarkWorld, name: String, text: String) -> StepResult {
    w.settle().await?;
    let id = operator_id(&name);
    let got = notifications(&w.site_state()?, &id);
    if got.iter().any(|b| b.contains(&text)) {
        fail!(
            "{}: expected operator {name:?} to receive no notification containing {text:?}, they received {got:?}",
            w.call
        );
    }
    Ok(())
}

/// `active` or `idle`, as the backend judges the (most recent) visitor at site time now.
#[then(expr = "the backend sees the visitor as {word}")]
async fn visitor_presence(w: &mut OlarkWorld, state: String) -> StepResult {
    let want_idle = match state.as_str() {
        "idle" => true,
        "active" => false,
        other => {
            return Err(w
                .fault(format!(
                    "a visitor is \"active\" or \"idle\", not {other:?}"
                ))
                .into())
        }
    };
    // Requests already on their way (a heartbeat) count: wait for them to arrive. For
    // "idle", let the page settle first so nothing still in flight is missed.
    if want_idle {
        w.settle().await?;
    }
    let waited = backend_wait(w, |site| {
        let now = site.now_ms();
        match site.backend.visitors.last() {
            None => Err("there is no visitor".to_string()),
            Some(v) if v.is_idle(now) == want_idle => Ok(()),
            Some(v) => Err(format!(
                "its last request was {} s ago",
                now.saturating_sub(v.last_seen_ms) / 1_000
            )),
        }
    })
    .await?;
    if let Err(last) = waited {
        fail!(
            "{}: expected the backend to see the visitor as {state}, but {last}",
            w.call
        );
    }
    Ok(())
}

#[given(expr = "operator {string} ends the conversation")]
#[when(expr = "operator {string} ends the conversation")]
async fn ends_conversation(w: &mut OlarkWorld, name: String) -> StepResult {
    wait_for_visitor(w).await?;
    let id = operator_id(&name);
    let ended = w.update_site(|s| {
        let now = s.now_ms();
        s.backend.end_conversation(&id, None, now)
    })?;
    ended.map_err(|e| {
        w.fault(format!(
            "operator {name:?} could not end the conversation: {e}"
        ))
    })?;
    Ok(())
}

#[then(
    expr = "the backend stored the ratings {int}, {int}, {int}, {int} with the comment {string}"
)]
async fn feedback_stored(
    w: &mut OlarkWorld,
    chat: u64,
    intelligence: u64,
    speed: u64,
    attitude: u64,
    comment: String,
) -> StepResult {
    let want = serde_json::json!({
        "chat": chat,
        "operator_intelligence": intelligence,
        "operator_speed": speed,
        "operator_attitude": attitude,
        "comments": comment,
    });
    let waited = backend_wait(w, |s| {
        let stored: Vec<serde_json::Value> = s
            .backend
            .visitors
            .iter()
            .flat_map(|v| v.feedback.iter().cloned().map(serde_json::Value::Object))
            .collect();
        if stored
            .iter()
            .any(|f| olark_conformance::matching::includes(f, &want))
        {
            Ok(())
        } else {
            Err(format!("the backend has {stored:?}"))
        }
    })
    .await?;
    if let Err(last) = waited {
        fail!(
            "{}: expected the backend to store the ratings {want} within {} ms, but {last}",
            w.call,
            w.timeout_ms()
        );
    }
    Ok(())
}
