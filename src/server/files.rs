//! File handlers: the fixture site (`fixtures-site/`) at `/` and the implementation's
//! files at `/jsclient/`, as wptserve separates file handlers from code handlers.
//!
//! Files named `*.sub.html` are templates: `{{name}}` placeholders are replaced per site
//! (host, site id, the scenario's embed script, clock mode), so pages stay static HTML
//! while each scenario gets its own site. An unknown placeholder is an error, not an
//! empty string, so a typo in a fixture fails loudly.

use std::path::{Component, Path, PathBuf};

use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::sites::{label_from_host, Site};
use super::{error_response, AppState};

/// `GET /jsclient/{*path}`: the implementation's files; `loader.js` is the profile's entry.
pub async fn implementation_file(
    State(state): State<AppState>,
    headers: HeaderMap,
    UrlPath(path): UrlPath<String>,
) -> Response {
    let file = if path == "loader.js" {
        if let Some(label) = host(&headers).and_then(label_from_host) {
            state.sites.update(label, |s| s.loader_requests += 1);
        }
        state.files_dir.join(&*state.loader_entry)
    } else {
        match safe_join(&state.files_dir, &path) {
            Some(p) => p,
            None => return not_found(&path),
        }
    };
    serve_plain(&file, &path).await
}

/// `GET /`: the fixture site's index page, listing the fixture pages.
pub async fn index(state: State<AppState>, headers: HeaderMap) -> Response {
    fixture_file(state, headers, UrlPath("index.sub.html".to_string())).await
}

/// `GET /{*path}`: fixture pages and the harness shim; `*.sub.html` get substitution.
pub async fn fixture_file(
    State(state): State<AppState>,
    headers: HeaderMap,
    UrlPath(path): UrlPath<String>,
) -> Response {
    let Some(file) = safe_join(&state.fixtures_dir, &path) else {
        return not_found(&path);
    };
    if !path.ends_with(".sub.html") {
        return serve_plain(&file, &path).await;
    }
    let host = host(&headers).unwrap_or_default().to_string();
    // A referrer a scenario arranged applies to the next page served, like a browser's.
    let site = label_from_host(&host).and_then(|l| {
        state.sites.update(l, |s| {
            let site = s.clone();
            s.next_referrer = None;
            site
        })
    });
    let Some(site) = site else {
        return error_response(
            StatusCode::NOT_FOUND,
            format!(
                "no site for host {host:?}: pages are served on http://<site>.localhost:<port>/ \
                 for sites created through the control API (POST /_control/sites)"
            ),
        );
    };
    let template = match tokio::fs::read_to_string(&file).await {
        Ok(t) => t,
        Err(_) => return not_found(&path),
    };
    let page = Page {
        host: &host,
        site: &site,
        harness_config: &state.harness_config,
    };
    match substitute(&template, &page) {
        Ok(page) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            page,
        )
            .into_response(),
        Err(message) => error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("failed to fill in {path}: {message}"),
        ),
    }
}

/// What a page template is filled in from.
pub struct Page<'a> {
    /// The `Host` the page was requested on (`s1-x.localhost:4123`).
    pub host: &'a str,
    pub site: &'a Site,
    /// What the query layer needs from the profile (scope and parts), as JSON.
    pub harness_config: &'a str,
}

/// Replaces every `{{name}}` in `template`; unknown names are an error.
pub fn substitute(template: &str, page: &Page<'_>) -> Result<String, String> {
    let site = page.site;
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| "unclosed {{ placeholder".to_string())?;
        let name = after[..end].trim();
        let value = match name {
            "host" => page.host.to_string(),
            "harness" => harness_tags(page),
            "site_id" => site.site_id.clone(),
            "embed_before_identify" => script_safe(&site.embed.before_identify),
            "embed_after_identify" => script_safe(&site.embed.after_identify),
            "clock" => if site.virtual_clock {
                "virtual"
            } else {
                "real"
            }
            .to_string(),
            "clock_now_ms" => site.now_ms().to_string(),
            "referrer" => html_attr(site.next_referrer.as_deref().unwrap_or("")),
            "seed" => site.random_seed.map(|s| s.to_string()).unwrap_or_default(),
            "chatbox_selector" => return Err(
                "unknown placeholder {{chatbox_selector}}: {{harness}} now loads the whole harness"
                    .into(),
            ),
            other => return Err(format!("unknown placeholder {{{{{other}}}}}")),
        };
        out.push_str(&value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The harness's script, which a fixture page loads in its `<head>` before the embed
/// code: the shim (recorder, virtual clock, arranged referrer and random seed) and the
/// query layer with the profile's scope and parts.
fn harness_tags(page: &Page<'_>) -> String {
    let site = page.site;
    let clock = if site.virtual_clock {
        "virtual"
    } else {
        "real"
    };
    format!(
        "<script src=\"/harness/harness.js\" data-clock=\"{clock}\" data-now=\"{now}\" data-referrer=\"{referrer}\" data-seed=\"{seed}\" data-profile=\"{profile}\"></script>",
        now = site.now_ms(),
        referrer = html_attr(site.next_referrer.as_deref().unwrap_or("")),
        seed = site.random_seed.map(|s| s.to_string()).unwrap_or_default(),
        profile = html_attr(page.harness_config),
    )
}

/// `GET /harness/{file}`: the harness's page-side script, compiled into this binary. Not
/// cached, like everything else: measured, Firefox loads it from this server faster than
/// from its own cache.
pub async fn harness_file(UrlPath(name): UrlPath<String>) -> Response {
    match super::harness::file(&name) {
        Some(text) => (
            [
                (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            text,
        )
            .into_response(),
        None => not_found(&format!("harness/{name}")),
    }
}

/// Script text placed inside an inline `<script>` must not close it early.
fn script_safe(js: &str) -> String {
    js.replace("</", "<\\/")
}

fn html_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

fn host(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::HOST).and_then(|h| h.to_str().ok())
}

/// Joins a URL path onto `root`, refusing anything that could leave it.
fn safe_join(root: &Path, path: &str) -> Option<PathBuf> {
    let rel = Path::new(path);
    if path.is_empty() || path.contains('\\') {
        return None;
    }
    rel.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| root.join(rel))
}

async fn serve_plain(file: &Path, path: &str) -> Response {
    match tokio::fs::read(file).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, content_type(file)),
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => not_found(path),
    }
}

fn not_found(path: &str) -> Response {
    error_response(StatusCode::NOT_FOUND, format!("no such file: /{path}"))
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "gif" => "image/gif",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::sites::Sites;

    #[test]
    fn substitution_fills_known_and_rejects_unknown() {
        let sites = Sites::default();
        let mut site = sites.create("x");
        site.embed.before_identify = "olark.configure('a', '</script>');".into();
        let page = Page {
            host: "s1-x.localhost:9",
            site: &site,
            harness_config: "{\"a\":\"<b>\"}",
        };
        let filled = substitute(
            "<script>{{embed_before_identify}}olark.identify('{{site_id}}')</script>//{{ host }}/jsclient/loader.js {{clock}}",
            &page,
        )
        .unwrap();
        assert_eq!(
            filled,
            "<script>olark.configure('a', '<\\/script>');olark.identify('1000-1-10-1000')</script>//s1-x.localhost:9/jsclient/loader.js real"
        );
        let tags = substitute("{{harness}}", &page).unwrap();
        assert!(
            tags.contains("src=\"/harness/harness.js\" data-clock=\"real\""),
            "{tags}"
        );
        assert!(
            tags.contains("data-profile=\"{&quot;a&quot;:&quot;&lt;b>&quot;}\""),
            "{tags}"
        );
        let err = substitute("{{chatbox_selector}}", &page).unwrap_err();
        assert!(err.contains("{{harness}}"), "{err}");
        let err = substitute("{{nope}}", &page).unwrap_err();
        assert!(err.contains("nope"), "{err}");
        assert!(substitute("{{host", &page).is_err());
    }

    #[test]
    fn paths_cannot_escape() {
        let root = Path::new("/srv");
        assert_eq!(
            safe_join(root, "a/b.js"),
            Some(PathBuf::from("/srv/a/b.js"))
        );
        assert_eq!(safe_join(root, "../etc/passwd"), None);
        assert_eq!(safe_join(root, "a/../../b"), None);
        assert_eq!(safe_join(root, "/etc/passwd"), None);
        assert_eq!(safe_join(root, ""), None);
    }
}
