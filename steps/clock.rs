//! Time on the virtual clock: scenarios tagged `@clock` get a page whose Date, timers and
//! performance.now only move when a step says so, and a backend clock that moves with it.

use cucumber::{given, then, when};
use olark_conformance::server::sites::CLOCK_EPOCH_MS;
use serde_json::{json, Value};

use crate::steps::world::{fail, OlarkWorld, StepResult};

#[given(expr = "{int} minute(s) pass(es)")]
#[when(expr = "{int} minute(s) pass(es)")]
async fn minutes_pass(w: &mut OlarkWorld, minutes: u64) -> StepResult {
    seconds_pass(w, minutes * 60).await
}

#[given(expr = "{int} second(s) pass(es)")]
#[when(expr = "{int} second(s) pass(es)")]
async fn seconds_pass(w: &mut OlarkWorld, seconds: u64) -> StepResult {
    let virtual_clock = w.update_site(|s| {
        s.elapsed_ms += seconds * 1_000;
        s.virtual_clock
    })?;
    if !virtual_clock {
        return Err(w
            .fault("time can only pass on the virtual clock: tag the scenario @clock")
            .into());
    }
    // A page opened later starts from the backend's time; an open page advances with it.
    if w.page_open {
        let now: Value = w
            .invoke("advance", json!({ "ms": seconds * 1_000 }))
            .await?;
        if now == Value::Null {
            return Err(w.fault("the open page has no virtual clock").into());
        }
    }
    Ok(())
}

#[then(expr = "the page's clock reads {int} second(s) after the start")]
async fn page_clock(w: &mut OlarkWorld, seconds: u64) -> StepResult {
    let now: u64 = w.invoke("now", json!({})).await?;
    let want = CLOCK_EPOCH_MS + seconds * 1_000;
    if now != want {
        fail!(
            "{}: expected the page's Date.now() to be {want} (start + {seconds} s), got {now} ({} ms off)",
            w.call,
            now as i64 - want as i64
        );
    }
    Ok(())
}

#[then(expr = "the backend's clock reads {int} second(s) after the start")]
async fn backend_clock(w: &mut OlarkWorld, seconds: u64) -> StepResult {
    let elapsed = w.site_state()?.elapsed_ms;
    if elapsed != seconds * 1_000 {
        fail!(
            "{}: expected the backend's clock for this site to read start + {seconds} s, it reads start + {} ms",
            w.call,
            elapsed
        );
    }
    Ok(())
}
