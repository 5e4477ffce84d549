//! The mock Olark backend: one axum server on `127.0.0.1:0` that serves the fixture site,
//! the implementation's files and the control API, for every scenario's own origin.
//!
//! Requests are routed by `Host`: `http://<label>.localhost:<port>/` is a scenario's site;
//! the bare `http://127.0.0.1:<port>/_control/` is the control API, which pages on site
//! origins cannot reach. The widget protocol (messages, presence) joins here next.

pub mod backend;
pub mod control;
pub mod details;
pub mod files;
pub mod harness;
pub mod protocol;
pub mod sites;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::profile::Profile;
use sites::Sites;

/// Errors starting or running the mock server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("failed to bind the mock server on 127.0.0.1: {0}")]
    Bind(std::io::Error),
    #[error(
        "failed to find the fixture site at {0} (run from the repository root or pass --fixtures)"
    )]
    Fixtures(PathBuf),
}

/// Shared state of all handlers.
#[derive(Clone)]
pub struct AppState {
    pub sites: Arc<Sites>,
    pub fixtures_dir: Arc<PathBuf>,
    pub files_dir: Arc<PathBuf>,
    pub loader_entry: Arc<str>,
    /// The profile's scope and parts for the query layer, as JSON (`Profile::page_config`).
    pub harness_config: Arc<str>,
}

impl AppState {
    pub fn new(fixtures_dir: PathBuf, profile: &Profile) -> AppState {
        AppState {
            sites: Arc::new(Sites::default()),
            fixtures_dir: Arc::new(fixtures_dir),
            files_dir: Arc::new(profile.files_dir.clone()),
            loader_entry: profile.loader_entry.as_str().into(),
            harness_config: profile.page_config().to_string().into(),
        }
    }
}

/// The whole mock backend as a router.
pub fn app(state: AppState) -> Router {
    Router::new()
        .nest("/_control", control::router())
        .nest("/olark/v1", protocol::router())
        .route("/jsclient/{*path}", get(files::implementation_file))
        .route("/harness/{file}", get(files::harness_file))
        .route("/", get(files::index))
        .route("/{*path}", get(files::fixture_file))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            record_failed_requests,
        ))
        .with_state(state)
}

/// Keeps every error answer a site's pages got (`Site::failed_requests`), so a scenario
/// that fails can say "GET /jsclient/chunk.js → 404" or which protocol request the backend
/// rejected, and why.
async fn record_failed_requests(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let label = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .and_then(sites::label_from_host)
        .map(str::to_string);
    let method = request.method().to_string();
    let path = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_string(), |p| p.to_string());
    let response = next.run(request).await;
    let status = response.status();
    let Some(label) = label.filter(|_| status.is_client_error() || status.is_server_error()) else {
        return response;
    };
    // Error answers are small JSON bodies; keep the body to pass it on unchanged.
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    let error = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(String::from))
        .unwrap_or_else(|| String::from_utf8_lossy(&bytes).chars().take(200).collect());
    state.sites.update(&label, |s| {
        if s.failed_requests.len() < sites::MAX_FAILED_REQUESTS {
            s.failed_requests.push(sites::FailedRequest {
                method,
                path,
                status: status.as_u16(),
                error,
            });
        }
    });
    Response::from_parts(parts, Body::from(bytes))
}

/// A running mock server; dropping it stops serving.
pub struct Server {
    addr: SocketAddr,
    state: AppState,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds `127.0.0.1:0` and serves `app` in the background.
    pub async fn start(fixtures_dir: PathBuf, profile: &Profile) -> Result<Server, ServerError> {
        if !fixtures_dir.join("embed.sub.html").is_file() {
            return Err(ServerError::Fixtures(fixtures_dir));
        }
        let state = AppState::new(fixtures_dir, profile);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(ServerError::Bind)?;
        let addr = listener.local_addr().map_err(ServerError::Bind)?;
        let (stop, stopped) = oneshot::channel::<()>();
        let router = app(state.clone());
        let task = tokio::spawn(async move {
            let served = axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
            if let Err(e) = served {
                tracing::error!("mock server stopped: {e}");
            }
        });
        Ok(Server {
            addr,
            state,
            stop: Some(stop),
            task: Some(task),
        })
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn sites(&self) -> &Sites {
        &self.state.sites
    }

    /// The origin of a site, with trailing slash: `http://s1-x.localhost:4123/`.
    pub fn origin(&self, label: &str) -> String {
        format!("http://{label}.localhost:{}/", self.port())
    }

    /// The control API's base URL.
    pub fn control_url(&self) -> String {
        format!("http://{}/_control/", self.addr)
    }

    pub async fn stop(mut self) {
        self.stop_now();
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    fn stop_now(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop_now();
    }
}

/// A JSON error body: `{"error": "..."}`.
pub fn error_response(status: StatusCode, message: String) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    pub(crate) fn state() -> AppState {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let profile = Profile::load(&root.join("tests/fixtures/tiny-widget")).unwrap();
        AppState::new(root.join("fixtures-site"), &profile)
    }

    async fn get(state: &AppState, host: &str, uri: &str) -> (StatusCode, String) {
        send(
            state,
            Request::get(uri)
                .header("host", host)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    async fn send(state: &AppState, req: Request<Body>) -> (StatusCode, String) {
        let res = app(state.clone()).oneshot(req).await.unwrap();
        let status = res.status();
        let body = res.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn site_page_carries_the_snippet_pointed_at_this_host() {
        let state = state();
        let site = state.sites.create("page test");
        state.sites.update(&site.label, |s| {
            s.embed.before_identify = "olark.configure('box.start_hidden', true);".into()
        });
        let host = format!("{}.localhost:4000", site.label);
        let (status, body) = get(&state, &host, "/embed.sub.html").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(
            body.contains(&format!("\"{host}/jsclient/loader.js\"")),
            "{body}"
        );
        assert!(
            body.contains(&format!("olark.identify('{}')", site.site_id)),
            "{body}"
        );
        assert!(body.contains("olark.configure('box.start_hidden', true);"));
        assert!(!body.contains("{{"), "unfilled placeholder in {body}");
    }

    #[tokio::test]
    async fn loader_is_the_profile_entry_and_is_counted() {
        let state = state();
        let site = state.sites.create("loader");
        let host = format!("{}.localhost:4000", site.label);
        let (status, body) = get(&state, &host, "/jsclient/loader.js").await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("olark"));
        assert_eq!(state.sites.get(&site.label).unwrap().loader_requests, 1);
    }

    #[tokio::test]
    async fn unknown_site_and_traversal_are_json_errors() {
        let state = state();
        let (status, body) = get(&state, "s999-nope.localhost:1", "/embed.sub.html").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(body.contains("\"error\""), "{body}");
        let (status, _) = get(&state, "127.0.0.1:1", "/jsclient/..%2F..%2FCargo.toml").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = get(&state, "127.0.0.1:1", "/harness/../../Cargo.toml").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn error_answers_to_a_site_are_kept_with_their_reason() {
        let state = state();
        let site = state.sites.create("errors");
        let host = format!("{}.localhost:4000", site.label);
        let (status, body) = get(&state, &host, "/jsclient/chunk-404.js?v=1").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(
            body.contains("no such file"),
            "the body passes unchanged: {body}"
        );
        let (status, _) = get(&state, &host, "/harness/harness.js").await;
        assert_eq!(status, StatusCode::OK);
        let failed = state.sites.get(&site.label).unwrap().failed_requests;
        assert_eq!(failed.len(), 1, "{failed:?}");
        assert_eq!(failed[0].path, "/jsclient/chunk-404.js?v=1");
        assert_eq!(failed[0].status, 404);
        assert_eq!(failed[0].error, "no such file: /chunk-404.js");
        assert!(failed[0]
            .to_string()
            .starts_with("GET /jsclient/chunk-404.js?v=1 → 404"));
    }

    #[tokio::test]
    async fn control_api_creates_sites_and_advances_clocks() {
        let state = state();
        let req = Request::post("/_control/sites")
            .header("host", "127.0.0.1:1")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"name":"from cli"}"#))
            .unwrap();
        let (status, body) = send(&state, req).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let site: serde_json::Value = serde_json::from_str(&body).unwrap();
        let label = site["label"].as_str().unwrap().to_string();

        let req = Request::post(format!("/_control/sites/{label}/clock/advance"))
            .header("host", "127.0.0.1:1")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"seconds":90}"#))
            .unwrap();
        let (status, body) = send(&state, req).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(state.sites.get(&label).unwrap().elapsed_ms, 90_000);

        let req = Request::post(format!("/_control/sites/{label}/clock/advance"))
            .header("host", "127.0.0.1:1")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"seconds":"soon"}"#))
            .unwrap();
        let (status, body) = send(&state, req).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("\"error\""), "{body}");
    }

    fn control(method: &str, uri: String, body: &str) -> Request<Body> {
        Request::builder()
            .method(method)
            .uri(uri)
            .header("host", "127.0.0.1:1")
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    }

    #[tokio::test]
    async fn control_api_drives_operators() {
        let state = state();
        let label = state.sites.create("ops").label;
        let base = format!("/_control/sites/{label}");
        let (status, body) = send(
            &state,
            control(
                "POST",
                format!("{base}/operators"),
                r#"{"id":"alice","name":"Alice","available":true}"#,
            ),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let (status, body) = send(
            &state,
            control("POST", format!("{base}/operators"), r#"{"id":"alice"}"#),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        let (status, _) = send(
            &state,
            control(
                "POST",
                format!("{base}/operators/alice/status"),
                r#"{"available":false}"#,
            ),
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, body) = send(
            &state,
            control(
                "POST",
                format!("{base}/operators/alice/messages"),
                r#"{"body":"hi"}"#,
            ),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "no visitor yet: {body}");
        let (status, body) = send(
            &state,
            control("GET", format!("{base}/operators/alice/received"), ""),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, _) = send(
            &state,
            control("GET", format!("{base}/operators/bob/received"), ""),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = send(
            &state,
            control(
                "PUT",
                format!("{base}/settings"),
                r##"{"system.hb_primary_color":"#744da8"}"##,
            ),
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, body) = send(
            &state,
            control("PUT", format!("{base}/visitor-ip"), r#"{"ip":"not an ip"}"#),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let (status, _) = send(&state, control("DELETE", base.clone(), "")).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = send(&state, control("GET", base, "")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn control_api_is_not_reachable_from_site_origins() {
        let state = state();
        let site = state.sites.create("x");
        let host = format!("{}.localhost:4000", site.label);
        let (status, body) = get(&state, &host, "/_control/sites").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        let (status, body) = get(&state, "example.com", "/_control/sites").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        let (status, body) = get(&state, "localhost:9", "/_control/sites").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = get(&state, "127.0.0.1:1", "/_control/sites/nope").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    }
}
