//! The widget protocol under `/olark/v1/`: what a visitor's widget sends (HTTP JSON) and
//! receives (a Server-Sent Events stream). The contract is `docs/backend-protocol.md`.
//!
//! Handlers validate and translate; the state transitions live in [`super::backend`].
//! Every error is a JSON `{"error": …}` with a 4xx status: malformed input never panics.

use std::collections::VecDeque;
use std::convert::Infallible;

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use tokio::sync::watch;

use super::backend::{BackendError, InfoUpdate, Kind, PageRequest, PushEvent};
use super::sites::{Site, Sites};
use super::{error_response, AppState};

/// Largest request body the protocol accepts.
pub const MAX_BODY: usize = 16 * 1024;

pub fn router() -> Router<AppState> {
    let visitor = "/sites/{site_id}/visitors/{visitor}";
    Router::new()
        .route(&format!("{visitor}/page"), post(page))
        .route(&format!("{visitor}/events"), get(events))
        .route(&format!("{visitor}/messages"), post(messages))
        .route(&format!("{visitor}/notifications"), post(notifications))
        .route(
            &format!("{visitor}/messages-to-visitor"),
            post(messages_to_visitor),
        )
        .route(
            &format!("{visitor}/offline-messages"),
            post(offline_messages),
        )
        .route(&format!("{visitor}/group"), post(group))
        .route(
            &format!("{visitor}/details"),
            get(get_details).post(post_details),
        )
        .route(&format!("{visitor}/nickname"), post(nickname))
        .route(&format!("{visitor}/status"), post(status))
        .route(&format!("{visitor}/heartbeat"), post(heartbeat))
        .route(&format!("{visitor}/feedback"), post(feedback))
        .layer(DefaultBodyLimit::max(MAX_BODY))
}

type Ids = Result<Path<(String, String)>, PathRejection>;

/// A refused request: its status and the message of its JSON error body.
pub struct ApiError(StatusCode, String);

impl ApiError {
    pub fn new(status: StatusCode, message: String) -> ApiError {
        ApiError(status, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.0, self.1)
    }
}

impl From<JsonRejection> for ApiError {
    fn from(e: JsonRejection) -> Self {
        ApiError(
            e.status(),
            format!("failed to read the request body: {}", e.body_text()),
        )
    }
}

impl From<BackendError> for ApiError {
    fn from(e: BackendError) -> Self {
        let status = match e {
            BackendError::UnknownOperator(_)
            | BackendError::UnknownVisitor(_)
            | BackendError::NoVisitor => StatusCode::NOT_FOUND,
            BackendError::DuplicateOperator(_) => StatusCode::CONFLICT,
            BackendError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        };
        ApiError(status, e.to_string())
    }
}

/// The site label and visitor id a request is about.
fn target(state: &AppState, ids: Ids) -> Result<(String, String), ApiError> {
    let Path((site_id, visitor)) = ids.map_err(|e| {
        ApiError(
            StatusCode::BAD_REQUEST,
            format!("failed to read the URL: {}", e.body_text()),
        )
    })?;
    let valid = (8..=64).contains(&visitor.len())
        && visitor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(ApiError(
            StatusCode::BAD_REQUEST,
            format!("visitor id {visitor:?} must be 8 to 64 characters from A-Za-z0-9_-"),
        ));
    }
    let label = state.sites.label_of(&site_id).ok_or_else(|| {
        ApiError(
            StatusCode::NOT_FOUND,
            format!("no site with id {site_id:?}"),
        )
    })?;
    Ok((label, visitor))
}

/// Runs a backend transition on the site at its current virtual time.
fn apply<T>(
    sites: &Sites,
    label: &str,
    f: impl FnOnce(&mut Site, u64) -> Result<T, BackendError>,
) -> Result<T, ApiError> {
    sites
        .update(label, |site| {
            let now = site.now_ms();
            f(site, now)
        })
        .ok_or_else(|| ApiError(StatusCode::NOT_FOUND, format!("no site {label:?}")))?
        .map_err(ApiError::from)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageBody {
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    referrer: String,
    #[serde(default)]
    group: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    ids: Ids,
    headers: HeaderMap,
    body: Result<Json<PageBody>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(b) = body?;
    let user_agent = headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let page = apply(&state.sites, &label, |site, now| {
        let ip = site.visitor_ip.clone();
        let view = PageRequest {
            url: &b.url,
            title: &b.title,
            referrer: &b.referrer,
            group: b.group.as_deref(),
            user_agent,
            ip: &ip,
        };
        let mut page = site.backend.page(&visitor, view, now)?;
        page.settings = site.settings.clone();
        Ok(page)
    })?;
    Ok(Json(page))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    body: String,
}

async fn messages(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<Text>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    to_operators(state, ids, body, Kind::Message)
}

async fn notifications(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<Text>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    to_operators(state, ids, body, Kind::Notification)
}

fn to_operators(
    state: AppState,
    ids: Ids,
    body: Result<Json<Text>, JsonRejection>,
    kind: Kind,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(b) = body?;
    let id = apply(&state.sites, &label, |site, now| {
        site.backend.to_operators(&visitor, kind, &b.body, now)
    })?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShownBody {
    body: String,
    kind: ShownKind,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum ShownKind {
    Message,
    Notification,
}

async fn messages_to_visitor(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<ShownBody>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(b) = body?;
    let kind = match b.kind {
        ShownKind::Message => Kind::Message,
        ShownKind::Notification => Kind::Notification,
    };
    let id = apply(&state.sites, &label, |site, now| {
        site.backend.shown_to_visitor(&visitor, kind, &b.body, now)
    })?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfflineBody {
    name: String,
    email: String,
    body: String,
}

async fn offline_messages(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<OfflineBody>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(b) = body?;
    let id = apply(&state.sites, &label, |site, now| {
        site.backend
            .offline_message(&visitor, &b.name, &b.email, &b.body, now)
    })?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupBody {
    group: String,
}

async fn group(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<GroupBody>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(b) = body?;
    let (available, nickname) = apply(&state.sites, &label, |site, _| {
        site.backend.set_group(&visitor, &b.group)
    })?;
    Ok(Json(
        json!({ "available": available, "nickname": nickname }),
    ))
}

async fn get_details(
    State(state): State<AppState>,
    ids: Ids,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let details = state
        .sites
        .read(&label, |site| site.backend.details(&visitor, site.now_ms()))
        .ok_or_else(|| ApiError(StatusCode::NOT_FOUND, format!("no site {label:?}")))??;
    Ok(Json(details))
}

async fn post_details(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<InfoUpdate>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(update) = body?;
    let details = apply(&state.sites, &label, |site, now| {
        site.backend.update_info(&visitor, update, now)?;
        site.backend.details(&visitor, now)
    })?;
    Ok(Json(details))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NicknameBody {
    snippet: String,
    #[serde(default)]
    hides_default: bool,
}

async fn nickname(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<NicknameBody>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(b) = body?;
    apply(&state.sites, &label, |site, now| {
        site.backend
            .set_nickname(&visitor, &b.snippet, b.hides_default, now)
    })?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusBody {
    snippet: Snippets,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Snippets {
    One(String),
    Many(Vec<String>),
}

async fn status(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<StatusBody>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(b) = body?;
    let snippets = match b.snippet {
        Snippets::One(s) => vec![s],
        Snippets::Many(v) => v,
    };
    apply(&state.sites, &label, |site, now| {
        site.backend.set_status(&visitor, snippets, now)
    })?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST heartbeat`: a single-page application's widget saying the visitor is still there.
async fn heartbeat(State(state): State<AppState>, ids: Ids) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    apply(&state.sites, &label, |site, now| {
        site.backend.heartbeat(&visitor, now)
    })?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedbackBody {
    answers: serde_json::Map<String, serde_json::Value>,
}

/// `POST feedback`: the visitor's chat ratings (`features.feedback`).
async fn feedback(
    State(state): State<AppState>,
    ids: Ids,
    body: Result<Json<FeedbackBody>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let (label, visitor) = target(&state, ids)?;
    let Json(b) = body?;
    apply(&state.sites, &label, |site, now| {
        site.backend.feedback(&visitor, b.answers, now)
    })?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize)]
struct After {
    #[serde(default)]
    after: u64,
}

/// `GET events`: the current presence, then every event after `after` (or the
/// `Last-Event-ID` of a reconnecting EventSource), then live events as they happen.
async fn events(
    State(state): State<AppState>,
    ids: Ids,
    query: Result<Query<After>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let (label, visitor) = match target(&state, ids) {
        Ok(t) => t,
        Err(e) => return e.into_response(),
    };
    let Query(After { after }) = match query {
        Ok(q) => q,
        Err(e) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                format!("failed to read the query: {}", e.body_text()),
            )
        }
    };
    let after = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(after);
    // Subscribe before the first read, so no change between the two is missed.
    let Some(changes) = state.sites.subscribe(&label) else {
        return error_response(StatusCode::NOT_FOUND, format!("no site {label:?}"));
    };
    let presence = state.sites.read(&label, |site| {
        site.backend
            .visitor(&visitor)
            .map(|v| site.backend.availability(v.group.as_deref()))
    });
    let Some(Some((available, nickname))) = presence else {
        return error_response(
            StatusCode::NOT_FOUND,
            format!("no visitor {visitor:?} on this site: POST page first"),
        );
    };
    let first = PushEvent::Presence {
        available,
        nickname,
    };
    let stream = PushStream {
        sites: state.sites.clone(),
        label,
        visitor,
        last: after,
        changes,
        pending: VecDeque::from([sse_event(None, &first)]),
    };
    Sse::new(futures::stream::unfold(stream, PushStream::next))
        .keep_alive(KeepAlive::default())
        .into_response()
}

struct PushStream {
    sites: std::sync::Arc<Sites>,
    label: String,
    visitor: String,
    last: u64,
    changes: watch::Receiver<u64>,
    pending: VecDeque<Event>,
}

impl PushStream {
    async fn next(mut self) -> Option<(Result<Event, Infallible>, Self)> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some((Ok(event), self));
            }
            let last = self.last;
            let new = self.sites.read(&self.label, |site| {
                site.backend.visitor(&self.visitor).map(|v| {
                    v.events
                        .iter()
                        .filter(|p| p.seq > last)
                        .map(|p| (p.seq, sse_event(Some(p.seq), &p.event)))
                        .collect::<Vec<_>>()
                })
            })??;
            if let Some((seq, _)) = new.last() {
                self.last = *seq;
            }
            self.pending.extend(new.into_iter().map(|(_, e)| e));
            if self.pending.is_empty() && self.changes.changed().await.is_err() {
                return None;
            }
        }
    }
}

fn sse_event(seq: Option<u64>, event: &PushEvent) -> Event {
    let e = Event::default()
        .event(event.name())
        .data(event.data().to_string());
    match seq {
        Some(seq) => e.id(seq.to_string()),
        None => e,
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use proptest::prelude::*;
    use tower::ServiceExt;

    use crate::server::app;
    use crate::server::backend::Operator;
    use crate::server::tests::state;

    use super::*;

    const VISITOR: &str = "visitor-0001";

    fn post(site_id: &str, path: &str, body: impl Into<Body>) -> Request<Body> {
        Request::post(format!(
            "/olark/v1/sites/{site_id}/visitors/{VISITOR}/{path}"
        ))
        .header("host", "s1-x.localhost:1")
        .header("content-type", "application/json")
        .body(body.into())
        .unwrap()
    }

    async fn send(state: &AppState, req: Request<Body>) -> (StatusCode, serde_json::Value) {
        let res = app(state.clone()).oneshot(req).await.unwrap();
        let status = res.status();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let value = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
        (status, value)
    }

    fn alice(available: bool) -> Operator {
        Operator {
            id: "alice".into(),
            name: "Alice".into(),
            nickname: "Alice A.".into(),
            available,
            groups: vec![],
        }
    }

    #[tokio::test]
    async fn a_conversation_round_trip() {
        let state = state();
        let site = state.sites.create("conversation");
        state.sites.update(&site.label, |s| {
            s.backend.add_operator(alice(true)).unwrap()
        });

        let (status, page) = send(
            &state,
            post(&site.site_id, "page", r#"{"url":"http://x/","title":"X"}"#),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(page["available"], true);
        assert_eq!(page["nickname"], "Alice A.");

        let (status, _) = send(
            &state,
            post(&site.site_id, "messages", r#"{"body":"hello"}"#),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        let (status, _) = send(
            &state,
            post(&site.site_id, "notifications", r#"{"body":"premium"}"#),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        let received = state
            .sites
            .read(&site.label, |s| {
                s.backend
                    .received_by("alice")
                    .iter()
                    .map(|l| (l.author.clone(), l.body.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap();
        assert_eq!(
            received,
            vec![
                ("visitor".into(), "hello".into()),
                ("[info]".into(), "premium".into())
            ]
        );

        // The stream: presence first, then what the operator says, as it happens.
        let req = Request::get(format!(
            "/olark/v1/sites/{}/visitors/{VISITOR}/events",
            site.site_id
        ))
        .header("host", "s1-x.localhost:1")
        .body(Body::empty())
        .unwrap();
        let res = app(state.clone()).oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let mut body = res.into_body();
        let first = tokio::time::timeout(Duration::from_secs(5), body.frame())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let first = String::from_utf8_lossy(first.data_ref().unwrap()).into_owned();
        assert!(first.contains("event: presence"), "{first}");
        state.sites.update(&site.label, |s| {
            s.backend
                .operator_says("alice", None, "hi there", 0)
                .unwrap()
        });
        let next = tokio::time::timeout(Duration::from_secs(5), body.frame())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let next = String::from_utf8_lossy(next.data_ref().unwrap()).into_owned();
        assert!(next.contains("event: message"), "{next}");
        assert!(next.contains("id: 1"), "{next}");
        assert!(next.contains("\"nickname\":\"Alice A.\""), "{next}");
    }

    #[tokio::test]
    async fn bad_requests_are_json_4xx() {
        let state = state();
        let site = state.sites.create("bad");
        let id = site.site_id.as_str();
        let cases: Vec<(Request<Body>, StatusCode)> = vec![
            (
                post(id, "messages", r#"{"body":"hi"}"#),
                StatusCode::NOT_FOUND,
            ), // no page yet
            (
                post("9-9-9-9", "page", r#"{"url":"u"}"#),
                StatusCode::NOT_FOUND,
            ),
            (post(id, "page", "{not json"), StatusCode::BAD_REQUEST),
            (
                post(id, "page", r#"{"url": 5}"#),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                post(id, "page", r#"{"url":"u","extra":1}"#),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                post(id, "page", vec![b'x'; MAX_BODY + 10]),
                StatusCode::PAYLOAD_TOO_LARGE,
            ),
            (
                Request::post(format!("/olark/v1/sites/{id}/visitors/{VISITOR}/page"))
                    .header("host", "s1-x.localhost:1")
                    .body(Body::from(r#"{"url":"u"}"#))
                    .unwrap(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ),
            (
                Request::post(format!("/olark/v1/sites/{id}/visitors/short/page"))
                    .header("host", "s1-x.localhost:1")
                    .header("content-type", "application/json")
                    .body(Body::from(r#"{"url":"u"}"#))
                    .unwrap(),
                StatusCode::BAD_REQUEST,
            ),
        ];
        for (req, want) in cases {
            let uri = req.uri().to_string();
            let (status, body) = send(&state, req).await;
            assert_eq!(status, want, "{uri}: {body}");
            assert!(body["error"].is_string(), "{uri}: {body}");
        }
        let (status, _) = send(&state, post(id, "page", r#"{"url":"u"}"#)).await;
        assert_eq!(status, StatusCode::OK);
        let (status, body) = send(&state, post(id, "messages", r#"{"body":""}"#)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let long = format!(r#"{{"body":"{}"}}"#, "y".repeat(5_000));
        let (status, body) = send(&state, post(id, "messages", long)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Whatever bytes arrive at whichever endpoint, with whichever ids, the server
        /// answers (never panics) and never with a 5xx.
        #[test]
        fn arbitrary_requests_never_fail_the_server(
            endpoint in prop::sample::select(vec!["page", "messages", "notifications", "messages-to-visitor", "offline-messages", "group", "events", "details", "nickname", "status", "heartbeat", "feedback"]),
            site in prop::sample::select(vec!["known", "unknown", "%ff%fe", ""]),
            visitor in "[A-Za-z0-9_%-]{0,70}",
            body in prop::collection::vec(any::<u8>(), 0..2048),
            json_body in prop::option::of("\\{\"(body|url|title|group|kind|name|email|referrer|snippet|fullName|customFields|hidesDefault)\":(\"[^\"]{0,50}\"|[0-9]{1,3}|null|\\[\\]|\\{\\})\\}"),
        ) {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                let state: AppState = state();
                let created = state.sites.create("fuzz");
                state.sites.update(&created.label, |s| {
                    let view = PageRequest { url: "u", title: "t", ..PageRequest::default() };
                    let _ = s.backend.page("visitor-0001", view, 0);
                });
                let site_id = if site == "known" { created.site_id.clone() } else { site.to_string() };
                let uri = format!("/olark/v1/sites/{site_id}/visitors/{visitor}/{endpoint}");
                let builder = Request::post(uri.as_str());
                let payload = json_body.map(String::into_bytes).unwrap_or(body);
                let Ok(req) = builder
                    .header("host", "s1-x.localhost:1")
                    .header("content-type", "application/json")
                    .body(Body::from(payload)) else { return Ok(()) };
                let res = app(state.clone()).oneshot(req).await.unwrap();
                prop_assert!(res.status().as_u16() < 500, "{uri}: {}", res.status());
                Ok::<(), TestCaseError>(())
            })?;
        }
    }
}
