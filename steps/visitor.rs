//! Steps for visitor information: arranging what the backend learns about a visitor
//! (where their IP is, where they came from), reading `api.visitor.getDetails` as a page
//! would, and what the operator side sees after the update calls.

use cucumber::gherkin::Step;
use cucumber::{given, then, when};
use olark_conformance::matching::includes;
use olark_conformance::server::backend::VisitorInfo;
use olark_conformance::server::details::place_named;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::steps::operators::backend_wait;
use crate::steps::page::docstring;
use crate::steps::world::{fail, OlarkWorld, StepResult};

#[given(expr = "the visitor's IP is located in {string}")]
async fn ip_located(w: &mut OlarkWorld, place: String) -> StepResult {
    let Some(p) = place_named(&place) else {
        return Err(w
            .fault(format!(
                "no place {place:?} in the GeoIP table (src/server/details.rs: \"City, Country\")"
            ))
            .into());
    };
    w.update_site(|s| s.visitor_ip = p.ip.to_string())?;
    Ok(())
}

/// The next page the visitor opens has this `document.referrer`, as when they follow a
/// link from a search engine, an ad or a newsletter.
#[given(expr = "the visitor arrives from {string}")]
#[when(expr = "the visitor arrives from {string}")]
async fn arrives_from(w: &mut OlarkWorld, referrer: String) -> StepResult {
    w.update_site(|s| s.next_referrer = Some(referrer))?;
    Ok(())
}

#[given(expr = "the visitor opens the page with the query {string}")]
#[when(expr = "the visitor opens the page with the query {string}")]
async fn open_with_query(w: &mut OlarkWorld, query: String) -> StepResult {
    let query = query.trim_start_matches('?');
    w.open(&format!("embed.sub.html?{query}")).await?;
    Ok(())
}

#[derive(Deserialize)]
struct Answer {
    ok: bool,
    #[serde(default)]
    details: Value,
    #[serde(default)]
    sync: bool,
}

/// Calls `api.visitor.getDetails` in the page with a harness callback (not recorded).
async fn get_details(w: &mut OlarkWorld) -> anyhow::Result<Answer> {
    let timeout = w.timeout_ms();
    w.invoke("getDetails", json!({ "timeout": timeout })).await
}

async fn details(w: &mut OlarkWorld) -> anyhow::Result<Value> {
    let answer = get_details(w).await?;
    if !answer.ok {
        return Err(anyhow::anyhow!(
            "{}: expected api.visitor.getDetails to call back within {} ms, it did not",
            w.call,
            w.timeout_ms()
        ));
    }
    Ok(answer.details)
}

/// The doc string is a JSON object of the fields to check (others may be present);
/// `{origin}` stands for the site's origin (`http://<site>.localhost:<port>/`).
#[given("getDetails reports:")]
#[then("getDetails reports:")]
async fn reports(w: &mut OlarkWorld, step: &Step) -> StepResult {
    let origin = w.harness.server.origin(&w.site);
    let text = docstring(w, step)?.replace("{origin}", &origin);
    let want: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            return Err(w
                .fault(format!("the expected details are not JSON: {e}"))
                .into())
        }
    };
    let got = details(w).await?;
    if !includes(&got, &want) {
        let mut differences = Vec::new();
        if let (Value::Object(want), Value::Object(got)) = (&want, &got) {
            for (k, v) in want {
                let actual = got
                    .get(k)
                    .cloned()
                    .unwrap_or(Value::String("(missing)".into()));
                if !includes(&actual, v) {
                    differences.push(format!("{k}: expected {v}, got {actual}"));
                }
            }
        }
        fail!(
            "{}: api.visitor.getDetails reported other values: {}",
            w.call,
            differences.join("; ")
        );
    }
    Ok(())
}

#[then("getDetails answers through the callback, asynchronously")]
async fn answers_async(w: &mut OlarkWorld) -> StepResult {
    let answer = get_details(w).await?;
    if !answer.ok {
        fail!(
            "{}: expected api.visitor.getDetails to call back, it did not",
            w.call
        );
    }
    if answer.sync {
        fail!(
            "{}: expected api.visitor.getDetails to call back asynchronously, it called back before returning",
            w.call
        );
    }
    Ok(())
}

/// The browser and system come from the WebDriver session's own capabilities, a source
/// independent of the User-Agent the backend parses.
#[then("getDetails reports the browser and operating system running the suite")]
async fn reports_browser(w: &mut OlarkWorld) -> StepResult {
    let caps = w
        .session()
        .await?
        .client()
        .capabilities()
        .cloned()
        .unwrap_or_default();
    let name = match caps.get("browserName").and_then(Value::as_str) {
        Some("firefox") => "Firefox",
        Some("chrome") | Some("chromium") => "Chrome",
        other => return Err(w.fault(format!("unknown browser {other:?}")).into()),
    };
    let major = caps
        .get("browserVersion")
        .and_then(Value::as_str)
        .and_then(|v| v.split('.').next())
        .unwrap_or("")
        .to_string();
    let got = details(w).await?;
    let browser = got.get("browser").and_then(Value::as_str).unwrap_or("");
    let os = got
        .get("operatingSystem")
        .and_then(Value::as_str)
        .unwrap_or("");
    if !browser.starts_with(&format!("{name} {major}.")) || os != "Linux" {
        fail!(
            "{}: expected browser \"{name} {major}.x\" on \"Linux\", getDetails reported browser {browser:?} on {os:?}",
            w.call
        );
    }
    Ok(())
}

/// Waits until the operator side's view of the (most recent) visitor passes `check`.
async fn operator_sees(
    w: &mut OlarkWorld,
    what: &str,
    check: impl Fn(&VisitorInfo) -> bool,
) -> StepResult {
    let waited = backend_wait(w, |site| match site.backend.visitors.last() {
        Some(v) if check(&v.info) => Ok(()),
        Some(v) => Err(format!("the operator sees {:?}", v.info)),
        None => Err("no visitor yet".into()),
    })
    .await?;
    if let Err(last) = waited {
        fail!(
            "{}: expected the operator to see {what} within {} ms, but {last}",
            w.call,
            w.timeout_ms()
        );
    }
    Ok(())
}

#[given(expr = "the operator sees the visitor's full name {string}")]
#[then(expr = "the operator sees the visitor's full name {string}")]
async fn sees_name(w: &mut OlarkWorld, name: String) -> StepResult {
    operator_sees(w, &format!("the full name {name:?}"), |i| {
        i.full_name.as_deref() == Some(name.as_str())
    })
    .await
}

#[given(expr = "the operator sees the visitor's email address {string}")]
#[then(expr = "the operator sees the visitor's email address {string}")]
async fn sees_email(w: &mut OlarkWorld, email: String) -> StepResult {
    operator_sees(w, &format!("the email address {email:?}"), |i| {
        i.email_address.as_deref() == Some(email.as_str())
    })
    .await
}

#[given(expr = "the operator sees the visitor's phone number {string}")]
#[then(expr = "the operator sees the visitor's phone number {string}")]
async fn sees_phone(w: &mut OlarkWorld, phone: String) -> StepResult {
    operator_sees(w, &format!("the phone number {phone:?}"), |i| {
        i.phone_number.as_deref() == Some(phone.as_str())
    })
    .await
}

/// The value is JSON (`"2194832109"`, `42`, `true`).
#[given(expr = "the operator sees the custom field {string} as {string}")]
#[then(expr = "the operator sees the custom field {string} as {string}")]
async fn sees_custom_field(w: &mut OlarkWorld, field: String, json: String) -> StepResult {
    let want: Value = serde_json::from_str(&json).unwrap_or(Value::String(json.clone()));
    operator_sees(w, &format!("the custom field {field:?} = {want}"), |i| {
        i.custom_fields.get(&field) == Some(&want)
    })
    .await
}

#[given(expr = "the operator sees the nickname snippet {string}")]
#[then(expr = "the operator sees the nickname snippet {string}")]
async fn sees_nickname(w: &mut OlarkWorld, snippet: String) -> StepResult {
    operator_sees(w, &format!("the nickname snippet {snippet:?}"), |i| {
        i.nickname.as_ref().is_some_and(|(s, _)| *s == snippet)
    })
    .await
}

#[then(expr = "the operator sees the nickname snippet {string} instead of the default nickname")]
async fn sees_nickname_only(w: &mut OlarkWorld, snippet: String) -> StepResult {
    operator_sees(
        w,
        &format!("the nickname snippet {snippet:?} hiding the default"),
        |i| {
            i.nickname
                .as_ref()
                .is_some_and(|(s, hides)| *s == snippet && *hides)
        },
    )
    .await
}

/// Several snippets are written joined by ` | `.
#[given(expr = "the operator sees the status {string}")]
#[then(expr = "the operator sees the status {string}")]
async fn sees_status(w: &mut OlarkWorld, status: String) -> StepResult {
    operator_sees(w, &format!("the status {status:?}"), |i| {
        i.status.join(" | ") == status
    })
    .await
}
