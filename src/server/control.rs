//! The control API under `/_control/`: what scenarios, the CLI and tools use to set up
//! sites and drive the backend side: clock, settings, operators, what reached them.
//!
//! Steps call [`super::sites::Sites`] in-process; this HTTP face exposes the same
//! operations. It answers only on the bare loopback host, never on a site origin, so
//! the widget under test cannot reach it.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use super::backend::{BackendError, Operator};
use super::protocol::ApiError;
use super::sites::{label_from_host, EmbedScript, Site};
use super::{error_response, AppState};

type Body<T> = Result<Json<T>, JsonRejection>;

/// Changes the site `label`, or answers 404.
fn on_site<T>(
    state: &AppState,
    label: &str,
    f: impl FnOnce(&mut Site) -> T,
) -> Result<T, ApiError> {
    state
        .sites
        .update(label, f)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no site {label:?}")))
}

/// Runs a backend transition on the site at its current time.
fn on_backend<T>(
    state: &AppState,
    label: &str,
    f: impl FnOnce(&mut super::backend::Backend, u64) -> Result<T, BackendError>,
) -> Result<T, ApiError> {
    on_site(state, label, |s| {
        let now = s.now_ms();
        f(&mut s.backend, now)
    })?
    .map_err(ApiError::from)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/sites", get(list_sites).post(create_site))
        .route("/sites/{label}", get(get_site).delete(delete_site))
        .route("/sites/{label}/embed", axum::routing::put(put_embed))
        .route("/sites/{label}/clock/advance", post(advance_clock))
        .route("/sites/{label}/operators", post(add_operator))
        .route(
            "/sites/{label}/operators/{operator}/status",
            post(operator_status),
        )
        .route(
            "/sites/{label}/operators/{operator}/messages",
            post(operator_message),
        )
        .route(
            "/sites/{label}/operators/{operator}/received",
            get(operator_received),
        )
        .route(
            "/sites/{label}/notifications-to-visitor",
            post(notify_visitor),
        )
        .route(
            "/sites/{label}/operators/{operator}/end",
            post(end_conversation),
        )
        .route("/sites/{label}/settings", axum::routing::put(put_settings))
        .route(
            "/sites/{label}/visitor-ip",
            axum::routing::put(put_visitor_ip),
        )
        .route_layer(middleware::from_fn(loopback_host_only))
}

async fn loopback_host_only(req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !is_loopback_host(host) {
        let why = if label_from_host(host).is_some() {
            "the control API is not served on site origins".to_string()
        } else {
            format!("the control API answers only on 127.0.0.1, localhost or [::1], not {host:?}")
        };
        return error_response(StatusCode::FORBIDDEN, why);
    }
    next.run(req).await
}

/// `127.0.0.1:<port>`, `localhost:<port>` or `[::1]:<port>` (port optional).
fn is_loopback_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    matches!(name, "127.0.0.1" | "localhost" | "[::1]")
}

async fn list_sites(State(state): State<AppState>) -> Response {
    Json(serde_json::json!({ "sites": state.sites.labels() })).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateSite {
    #[serde(default)]
    name: String,
    /// Pages of the site install the virtual clock (what @clock scenarios get).
    #[serde(default)]
    virtual_clock: bool,
}

async fn create_site(
    State(state): State<AppState>,
    body: Body<CreateSite>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(body) = body?;
    let site = state.sites.create(&body.name);
    let site = on_site(&state, &site.label, |s| {
        s.virtual_clock = body.virtual_clock;
        s.clone()
    })?;
    Ok((StatusCode::CREATED, Json(site)))
}

async fn get_site(
    State(state): State<AppState>,
    Path(label): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(on_site(&state, &label, |s| s.clone())?))
}

async fn delete_site(
    State(state): State<AppState>,
    Path(label): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    state
        .sites
        .remove(&label)
        .map(|_| StatusCode::NO_CONTENT)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no site {label:?}")))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EmbedBody {
    #[serde(default)]
    before_identify: String,
    #[serde(default)]
    after_identify: String,
}

async fn put_embed(
    State(state): State<AppState>,
    Path(label): Path<String>,
    body: Body<EmbedBody>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(body) = body?;
    let embed = EmbedScript {
        before_identify: body.before_identify,
        after_identify: body.after_identify,
    };
    Ok(Json(on_site(&state, &label, |s| {
        s.embed = embed;
        s.clone()
    })?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    seconds: u64,
}

async fn advance_clock(
    State(state): State<AppState>,
    Path(label): Path<String>,
    body: Body<Advance>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(body) = body?;
    let now_ms = on_site(&state, &label, |s| {
        s.elapsed_ms = s
            .elapsed_ms
            .saturating_add(body.seconds.saturating_mul(1_000));
        s.now_ms()
    })?;
    Ok(Json(serde_json::json!({ "now_ms": now_ms })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOperator {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    nickname: Option<String>,
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    available: bool,
}

async fn add_operator(
    State(state): State<AppState>,
    Path(label): Path<String>,
    body: Body<NewOperator>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(b) = body?;
    let name = b.name.unwrap_or_else(|| b.id.clone());
    let op = Operator {
        nickname: b.nickname.unwrap_or_else(|| name.clone()),
        id: b.id,
        name,
        available: b.available,
        groups: b.groups,
    };
    let added = op.clone();
    on_backend(&state, &label, |backend, _| backend.add_operator(added))?;
    Ok((StatusCode::CREATED, Json(op)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Status {
    available: bool,
}

async fn operator_status(
    State(state): State<AppState>,
    Path((label, operator)): Path<(String, String)>,
    body: Body<Status>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(b) = body?;
    on_backend(&state, &label, |backend, _| {
        backend.set_available(&operator, b.available)
    })?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Said {
    body: String,
    /// Visitor id; the most recently seen visitor when absent.
    #[serde(default)]
    visitor: Option<String>,
}

async fn operator_message(
    State(state): State<AppState>,
    Path((label, operator)): Path<(String, String)>,
    body: Body<Said>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(b) = body?;
    let id = on_backend(&state, &label, |backend, now| {
        backend.operator_says(&operator, b.visitor.as_deref(), &b.body, now)
    })?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "id": id }))))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Ending {
    #[serde(default)]
    visitor: Option<String>,
}

/// The operator ends the conversation: the visitor's widget gets an `ended` event.
async fn end_conversation(
    State(state): State<AppState>,
    Path((label, operator)): Path<(String, String)>,
    body: Body<Ending>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(b) = body?;
    on_backend(&state, &label, |backend, now| {
        backend.end_conversation(&operator, b.visitor.as_deref(), now)
    })?;
    Ok(StatusCode::NO_CONTENT)
}

async fn notify_visitor(
    State(state): State<AppState>,
    Path(label): Path<String>,
    body: Body<Said>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(b) = body?;
    let id = on_backend(&state, &label, |backend, now| {
        backend.notify_visitor(b.visitor.as_deref(), &b.body, now)
    })?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "id": id }))))
}

async fn operator_received(
    State(state): State<AppState>,
    Path((label, operator)): Path<(String, String)>,
) -> Result<impl IntoResponse, ApiError> {
    let received = on_site(&state, &label, |s| {
        if !s.backend.operators.iter().any(|o| o.id == operator) {
            return None;
        }
        let lines: Vec<_> = s
            .backend
            .received_by(&operator)
            .into_iter()
            .cloned()
            .collect();
        let offline: Vec<_> = s
            .backend
            .offline_messages
            .iter()
            .filter(|m| m.recipients.contains(&operator))
            .cloned()
            .collect();
        Some(serde_json::json!({ "lines": lines, "offline_messages": offline }))
    })?;
    received
        .map(Json)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no operator {operator:?}")))
}

/// Replaces the site's dashboard settings (configure keys → values).
async fn put_settings(
    State(state): State<AppState>,
    Path(label): Path<String>,
    body: Body<serde_json::Map<String, serde_json::Value>>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(settings) = body?;
    on_site(&state, &label, |s| s.settings = settings)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VisitorIp {
    ip: std::net::IpAddr,
}

/// Stands in the IP the backend attributes to this site's visitors (the server only
/// listens on loopback), e.g. one of the GeoIP table's addresses.
async fn put_visitor_ip(
    State(state): State<AppState>,
    Path(label): Path<String>,
    body: Body<VisitorIp>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(b) = body?;
    on_site(&state, &label, |s| s.visitor_ip = b.ip.to_string())?;
    Ok(StatusCode::NO_CONTENT)
}
