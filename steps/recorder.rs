//! Steps that read the recorder: which callbacks the page registered through `olark(...)`
//! fired, how often, with what, in which order; and what the page's own analytics
//! (`yourAnalytics.track`, as in the documentation's examples) received.
//!
//! Positive counts wait in the page until reached, then let the page settle and check the
//! exact number, so "fired once" also fails when a callback fires twice.

use cucumber::gherkin::Step;
use cucumber::{given, then};
use serde::Deserialize;
use serde_json::{json, Value};

use olark_conformance::matching::includes;

use crate::steps::page::docstring;
use crate::steps::params::{Call, Ordinal, Times};
use crate::steps::world::{fail, OlarkWorld, StepResult, Waited};

#[derive(Debug, Deserialize)]
struct Fired {
    call: String,
    index: usize,
    args: Value,
}

#[derive(Deserialize)]
struct Counted {
    count: usize,
    calls: Vec<Fired>,
}

/// Waits until `call` (registration `index`, 0 = any) fired at least `n` times, settles,
/// and returns the exact count with the whole log.
async fn count_fired(
    w: &mut OlarkWorld,
    call: &str,
    index: usize,
    n: usize,
) -> anyhow::Result<Counted> {
    let timeout = if n == 0 { 0 } else { w.timeout_ms() };
    let settle = w.settle_ms();
    let waited: Waited<Counted> = w
        .invoke(
            "fired",
            json!({ "call": call, "index": index, "n": n, "timeout": timeout, "settle": settle }),
        )
        .await?;
    Ok(waited.seen)
}

fn log(calls: &[Fired]) -> String {
    if calls.is_empty() {
        return "no callback fired".into();
    }
    let fired: Vec<String> = calls
        .iter()
        .map(|c| format!("{}#{}({})", c.call, c.index, c.args))
        .collect();
    format!("fired: {}", fired.join(", "))
}

async fn expect_fired(w: &mut OlarkWorld, call: &str, index: usize, times: usize) -> StepResult {
    let counted = count_fired(w, call, index, times).await?;
    if counted.count != times {
        let which = if index == 0 {
            format!("the {call} callback")
        } else {
            format!("the {} {call} callback", ordinal(index))
        };
        fail!(
            "{}: expected {which} to fire {} time(s), it fired {} time(s) ({})",
            w.call,
            times,
            counted.count,
            log(&counted.calls)
        );
    }
    Ok(())
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[then(expr = "the {call} callback fired {times}")]
async fn fired(w: &mut OlarkWorld, call: Call, times: Times) -> StepResult {
    expect_fired(w, &call.0, 0, times.0).await
}

#[then(expr = "the {call} callback did not fire")]
async fn did_not_fire(w: &mut OlarkWorld, call: Call) -> StepResult {
    expect_fired(w, &call.0, 0, 0).await
}

#[then(expr = "the {ordinal} {call} callback fired {times}")]
async fn nth_fired(w: &mut OlarkWorld, nth: Ordinal, call: Call, times: Times) -> StepResult {
    expect_fired(w, &call.0, nth.0, times.0).await
}

/// The arguments are JSON: `'[{"message":{"body":"hi"}}]'`; more fields may be present.
#[then(expr = "the {call} callback received {string}")]
async fn received(w: &mut OlarkWorld, call: Call, json: String) -> StepResult {
    let want: Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => {
            return Err(w
                .fault(format!("the expected arguments {json:?} are not JSON: {e}"))
                .into())
        }
    };
    let counted = count_fired(w, &call.0, 0, 1).await?;
    let got: Vec<&Value> = counted
        .calls
        .iter()
        .filter(|c| c.call == call.0)
        .map(|c| &c.args)
        .collect();
    if !got.iter().any(|args| includes(args, &want)) {
        fail!(
            "{}: expected the {} callback to receive arguments including {want}, it received {got:?}",
            w.call,
            call.0
        );
    }
    Ok(())
}

/// The doc string lists one call per line, in the order the callbacks must fire. Only
/// the calls listed are compared; others may fire in between.
#[then("the callbacks fired in this order:")]
async fn fired_in_order(w: &mut OlarkWorld, step: &Step) -> StepResult {
    in_order(w, step, "calls", "call", "the callbacks to fire").await
}

/// The same for `yourAnalytics.track` names (what rule actions and callbacks record).
#[then("the page tracked these names in this order:")]
async fn tracked_in_order(w: &mut OlarkWorld, step: &Step) -> StepResult {
    in_order(w, step, "tracked", "name", "the page to track the names").await
}

/// Waits until `H[list]` holds as many entries named in the doc string (by `field`) as it
/// has lines, settles, then compares their order.
async fn in_order(
    w: &mut OlarkWorld,
    step: &Step,
    list: &str,
    field: &str,
    expected: &str,
) -> StepResult {
    let want: Vec<String> = docstring(w, step)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if want.is_empty() {
        return Err(w
            .fault("list the expected names in the doc string, one per line")
            .into());
    }
    let timeout = w.timeout_ms();
    let settle = w.settle_ms();
    let waited: Waited<Vec<String>> = w
        .invoke(
            "inOrder",
            json!({ "want": want, "list": list, "field": field, "timeout": timeout, "settle": settle }),
        )
        .await?;
    let names = waited.seen;
    if names != want {
        fail!(
            "{}: expected {expected} in the order {want:?}, got {names:?}",
            w.call
        );
    }
    Ok(())
}

#[then(expr = "the page tracked {string}")]
async fn tracked_once(w: &mut OlarkWorld, name: String) -> StepResult {
    expect_tracked(w, &name, 1, true).await
}

#[then(expr = "the page tracked {string} {times}")]
async fn tracked(w: &mut OlarkWorld, name: String, times: Times) -> StepResult {
    expect_tracked(w, &name, times.0, true).await
}

/// A lower bound: for what an implementation may do more often than a scenario cares
/// about (how often a rule's condition is checked), and as a barrier before a count.
#[given(expr = "the page tracked {string} at least {times}")]
#[then(expr = "the page tracked {string} at least {times}")]
async fn tracked_at_least(w: &mut OlarkWorld, name: String, times: Times) -> StepResult {
    expect_tracked(w, &name, times.0, false).await
}

async fn expect_tracked(w: &mut OlarkWorld, name: &str, times: usize, exact: bool) -> StepResult {
    let timeout = if times == 0 { 0 } else { w.timeout_ms() };
    let settle = w.settle_ms();
    let waited: Waited<Vec<String>> = w
        .invoke(
            "tracked",
            json!({ "name": name, "n": times, "timeout": timeout, "settle": settle }),
        )
        .await?;
    let names = waited.seen;
    let got = names.iter().filter(|n| *n == name).count();
    if got != times && (exact || got < times) {
        let bound = if exact { "" } else { "at least " };
        fail!(
            "{}: expected the page to track {name:?} {bound}{times} time(s), it did {got} time(s) (tracked: {names:?})",
            w.call
        );
    }
    Ok(())
}
