//! Steps about how the widget looks and where it sits, asserted as a visitor would see
//! it: geometry in the viewport, computed styles (colours compared as colours), corners,
//! light or dark, images shown, animation, text. Site-wide settings and the viewport size
//! are arranged here too. Every element is found through the profile's selectors.

use cucumber::{given, then, when};
use olark_conformance::profile::Part;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::steps::params::WidgetPart;
use crate::steps::world::{fail, OlarkWorld, StepResult};

/// Sets a dashboard setting; the value is JSON (`"#744da8"`, `true`, `{"general": …}`).
#[given(expr = "the site's settings set {string} to {string}")]
#[when(expr = "the site's settings set {string} to {string}")]
async fn site_setting(w: &mut OlarkWorld, key: String, json: String) -> StepResult {
    let value: Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => {
            return Err(w
                .fault(format!("the setting's value {json:?} is not JSON: {e}"))
                .into())
        }
    };
    w.update_site(|s| s.settings.insert(key, value))?;
    Ok(())
}

/// Resizes the browser window so the page's viewport is `width` × `height` CSS pixels.
/// The session gets its usual size back after the scenario.
#[given(expr = "the viewport is {int} by {int} pixels")]
#[when(expr = "the viewport is {int} by {int} pixels")]
async fn viewport(w: &mut OlarkWorld, width: u32, height: u32) -> StepResult {
    w.resize_viewport(width, height).await?;
    Ok(())
}

/// Geometry of a part and of the viewport, measured in the page after waiting for the
/// part to be displayed.
#[derive(Debug, Deserialize)]
struct Geometry {
    found: bool,
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
    vw: f64,
    vh: f64,
}

impl Geometry {
    fn bottom_gap(&self) -> f64 {
        self.vh - self.bottom
    }
    fn width(&self) -> f64 {
        self.right - self.left
    }
    fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

async fn geometry(w: &mut OlarkWorld, part: Part) -> anyhow::Result<Geometry> {
    let timeout = w.timeout_ms();
    let settle = w.settle_ms();
    let selector = w.selector(part).to_string();
    let g: Geometry = w
        .exec_async(
            "const [sel, timeout, settle, done] = arguments;
             const H = window.__olarkConformance;
             const measure = () => {
               const shown = Array.from(document.querySelectorAll(sel)).filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
               const target = shown[0];
               const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
               if (!target) return { found: false, left: 0, top: 0, right: 0, bottom: 0, vw, vh };
               const r = target.getBoundingClientRect();
               return { found: true, left: r.left, top: r.top, right: r.right, bottom: r.bottom, vw, vh };
             };
             H.waitFor(() => H.displayed(sel), timeout)
               .then(() => H.settle(settle))
               .then(() => done(measure()));",
            vec![selector.clone().into(), timeout.into(), settle.into()],
        )
        .await?;
    if !g.found {
        return Err(anyhow::anyhow!(
            "{}: expected the {part} ({selector}) to be displayed within {timeout} ms, it was not",
            w.call
        ));
    }
    Ok(g)
}

#[then(expr = "the {part} is in the {word} half of the viewport")]
async fn in_half(w: &mut OlarkWorld, part: WidgetPart, side: String) -> StepResult {
    let g = geometry(w, part.0).await?;
    let center = (g.left + g.right) / 2.0;
    let ok = match side.as_str() {
        "left" => center < g.vw / 2.0,
        "right" => center > g.vw / 2.0,
        other => {
            return Err(w
                .fault(format!("a half is \"left\" or \"right\", not {other:?}"))
                .into())
        }
    };
    if !ok {
        fail!(
            "{}: expected the {} in the {side} half of the {}px wide viewport, its box spans x = {:.0}…{:.0}",
            w.call,
            part.0,
            g.vw,
            g.left,
            g.right
        );
    }
    Ok(())
}

#[then(expr = "the {part} touches the bottom edge of the viewport")]
async fn touches_bottom(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    let g = geometry(w, part.0).await?;
    if g.bottom_gap().abs() > 1.0 {
        fail!(
            "{}: expected the {} to touch the bottom edge of the viewport, it is {:.0}px above it",
            w.call,
            part.0,
            g.bottom_gap()
        );
    }
    Ok(())
}

#[then(expr = "the {part} floats at least {int}px above the bottom edge of the viewport")]
async fn floats_above(w: &mut OlarkWorld, part: WidgetPart, px: u32) -> StepResult {
    let g = geometry(w, part.0).await?;
    if g.bottom_gap() < f64::from(px) {
        fail!(
            "{}: expected the {} at least {px}px above the bottom edge of the viewport, it is {:.0}px above it",
            w.call,
            part.0,
            g.bottom_gap()
        );
    }
    Ok(())
}

#[then(expr = "the {part} spans the viewport's height")]
async fn full_height(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    let g = geometry(w, part.0).await?;
    if g.top.abs() > 1.0 || g.bottom_gap().abs() > 1.0 {
        fail!(
            "{}: expected the {} to span the {:.0}px viewport's height, it spans y = {:.0}…{:.0}",
            w.call,
            part.0,
            g.vh,
            g.top,
            g.bottom
        );
    }
    Ok(())
}

#[then(expr = "the {part} is {int} by {int} pixels")]
async fn size_is(w: &mut OlarkWorld, part: WidgetPart, width: u32, height: u32) -> StepResult {
    let g = geometry(w, part.0).await?;
    if (g.width() - f64::from(width)).abs() > 2.0 || (g.height() - f64::from(height)).abs() > 2.0 {
        fail!(
            "{}: expected the {} to be {width}×{height}px (±2), it is {:.0}×{:.0}px",
            w.call,
            part.0,
            g.width(),
            g.height()
        );
    }
    Ok(())
}

#[when(expr = "the visitor notes the size of the {part}")]
#[given(expr = "the visitor notes the size of the {part}")]
async fn note_size(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    let g = geometry(w, part.0).await?;
    w.noted
        .insert(part.0.phrase().to_string(), (g.width(), g.height()));
    Ok(())
}

/// `smaller` / `larger`: both width and height compared with what was noted.
#[then(expr = "the {part} is {word} than noted")]
async fn compared_to_noted(w: &mut OlarkWorld, part: WidgetPart, how: String) -> StepResult {
    let Some((nw, nh)) = w.noted.get(part.0.phrase()).copied() else {
        return Err(w
            .fault(format!(
                "no size of the {} was noted earlier in the scenario",
                part.0
            ))
            .into());
    };
    let g = geometry(w, part.0).await?;
    let ok = match how.as_str() {
        "smaller" => g.width() < nw && g.height() < nh,
        "larger" => g.width() > nw && g.height() > nh,
        other => {
            return Err(w
                .fault(format!(
                    "compare with \"smaller\" or \"larger\", not {other:?}"
                ))
                .into())
        }
    };
    if !ok {
        fail!(
            "{}: expected the {} to be {how} than the noted {nw:.0}×{nh:.0}px, it is {:.0}×{:.0}px",
            w.call,
            part.0,
            g.width(),
            g.height()
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Styled {
    found: bool,
    value: String,
    #[serde(default)]
    expected: Option<String>,
}

/// Reads a computed style property once the element's transitions have finished; when
/// `expected` is given, it is normalised the same way (a colour written `#744da8` compares equal to `rgb(116, 77, 168)`).
async fn computed(
    w: &mut OlarkWorld,
    part: Part,
    property: &str,
    expected: Option<&str>,
) -> anyhow::Result<Styled> {
    let timeout = w.timeout_ms();
    let selector = w.selector(part).to_string();
    let s: Styled = w
        .exec_async(
            "const [sel, prop, expected, timeout, done] = arguments;
             const H = window.__olarkConformance;
             const normal = (p, v) => { const probe = document.createElement('div'); probe.style.display = 'none'; probe.style.setProperty(p, v); document.body.appendChild(probe); const n = getComputedStyle(probe).getPropertyValue(p); probe.remove(); return n || v; };
             // The settled style: after the element's transitions and animations ran.
             const still = () => { const el = document.querySelector(sel); return !el || !el.getAnimations || el.getAnimations().every(a => a.playState !== 'running'); };
             H.waitFor(() => H.displayed(sel) && still(), timeout).then(() => {
               const el = document.querySelector(sel);
               if (!el) return done({ found: false, value: '' });
               const value = getComputedStyle(el).getPropertyValue(prop).trim();
               done({ found: true, value, expected: expected === null ? null : normal(prop, expected).trim() });
             });",
            vec![selector.clone().into(), property.into(), json!(expected), timeout.into()],
        )
        .await?;
    if !s.found {
        return Err(anyhow::anyhow!(
            "{}: expected a {part} ({selector}) to read its {property}, there is none",
            w.call
        ));
    }
    Ok(s)
}

#[then(expr = "the computed {string} of the {part} is {string}")]
async fn computed_is(
    w: &mut OlarkWorld,
    property: String,
    part: WidgetPart,
    value: String,
) -> StepResult {
    let s = computed(w, part.0, &property, Some(&value)).await?;
    let want = s.expected.clone().unwrap_or(value.clone());
    if s.value != want {
        fail!(
            "{}: expected the {}'s computed {property} to be {value:?} ({want}), it is {:?}",
            w.call,
            part.0,
            s.value
        );
    }
    Ok(())
}

#[then(expr = "the computed {string} of the {part} is not {string}")]
async fn computed_is_not(
    w: &mut OlarkWorld,
    property: String,
    part: WidgetPart,
    value: String,
) -> StepResult {
    let s = computed(w, part.0, &property, Some(&value)).await?;
    if Some(&s.value) == s.expected.as_ref() {
        fail!(
            "{}: expected the {}'s computed {property} not to be {value:?}, it is {:?}",
            w.call,
            part.0,
            s.value
        );
    }
    Ok(())
}

#[then(expr = "the computed {string} of the {part} starts with {string}")]
async fn computed_starts(
    w: &mut OlarkWorld,
    property: String,
    part: WidgetPart,
    prefix: String,
) -> StepResult {
    let s = computed(w, part.0, &property, None).await?;
    let normal = s.value.trim_start_matches(['"', '\'']);
    if !normal.starts_with(&prefix) {
        fail!(
            "{}: expected the {}'s computed {property} to start with {prefix:?}, it is {:?}",
            w.call,
            part.0,
            s.value
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Corners {
    radii: Vec<String>,
}

async fn corners(w: &mut OlarkWorld, part: Part) -> anyhow::Result<Vec<String>> {
    let timeout = w.timeout_ms();
    let selector = w.selector(part).to_string();
    let c: Corners = w
        .exec_async(
            "const [sel, timeout, done] = arguments;
             const H = window.__olarkConformance;
             H.waitFor(() => H.displayed(sel), timeout).then(() => {
               const el = document.querySelector(sel);
               const cs = el ? getComputedStyle(el) : null;
               done({ radii: cs ? ['border-top-left-radius', 'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius'].map(p => cs.getPropertyValue(p)) : [] });
             });",
            vec![selector.into(), timeout.into()],
        )
        .await?;
    Ok(c.radii)
}

fn is_zero_radius(r: &str) -> bool {
    r.split_whitespace().all(|v| {
        v.trim_end_matches("px")
            .trim_end_matches('%')
            .parse::<f64>()
            .is_ok_and(|n| n == 0.0)
    })
}

#[then(expr = "the {part} has square corners")]
async fn square_corners(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    let radii = corners(w, part.0).await?;
    if radii.is_empty() || !radii.iter().all(|r| is_zero_radius(r)) {
        fail!(
            "{}: expected the {} to have square corners, its corner radii are {radii:?}",
            w.call,
            part.0
        );
    }
    Ok(())
}

#[then(expr = "the {part} has rounded corners")]
async fn rounded_corners(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    let radii = corners(w, part.0).await?;
    if !radii.iter().any(|r| !is_zero_radius(r)) {
        fail!(
            "{}: expected the {} to have rounded corners, its corner radii are {radii:?}",
            w.call,
            part.0
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Shade {
    luminance: Option<f64>,
    color: String,
}

/// The relative luminance (WCAG) of the first non-transparent background at or above
/// the part.
async fn background_luminance(w: &mut OlarkWorld, part: Part) -> anyhow::Result<Shade> {
    let timeout = w.timeout_ms();
    let selector = w.selector(part).to_string();
    w.exec_async(
        "const [sel, timeout, done] = arguments;
         const H = window.__olarkConformance;
         H.waitFor(() => H.displayed(sel), timeout).then(() => {
           let el = document.querySelector(sel), color = '';
           while (el) {
             const c = getComputedStyle(el).backgroundColor;
             const m = c.match(/rgba?\\(([^)]+)\\)/);
             const parts = m ? m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number) : [];
             if (parts.length >= 3 && (parts.length < 4 || parts[3] > 0.5)) {
               const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
               return done({ luminance: 0.2126 * lin(parts[0]) + 0.7152 * lin(parts[1]) + 0.0722 * lin(parts[2]), color: c });
             }
             el = el.parentElement;
           }
           done({ luminance: null, color });
         });",
        vec![selector.into(), timeout.into()],
    )
    .await
}

#[then(expr = "the {part} has a {word} background")]
async fn background_shade(w: &mut OlarkWorld, part: WidgetPart, shade: String) -> StepResult {
    let s = background_luminance(w, part.0).await?;
    let l = s.luminance.unwrap_or(1.0);
    let ok = match shade.as_str() {
        "dark" => l < 0.2,
        "light" => l > 0.5,
        other => {
            return Err(w
                .fault(format!(
                    "a background is \"dark\" or \"light\", not {other:?}"
                ))
                .into())
        }
    };
    if !ok {
        fail!(
            "{}: expected the {} to have a {shade} background, it is {:?} (relative luminance {l:.2})",
            w.call,
            part.0,
            s.color
        );
    }
    Ok(())
}

#[given(expr = "the {part} shows the image {string}")]
#[then(expr = "the {part} shows the image {string}")]
async fn shows_image(w: &mut OlarkWorld, part: WidgetPart, url: String) -> StepResult {
    let timeout = w.timeout_ms();
    let selector = w.selector(part.0).to_string();
    let shown: Option<String> = w
        .exec_async(
            "const [sel, want, timeout, done] = arguments;
             const H = window.__olarkConformance;
             const source = () => {
               const el = document.querySelector(sel);
               if (!el) return null;
               const img = el.tagName === 'IMG' ? el : el.querySelector('img');
               if (img) return img.currentSrc || img.src;
               const bg = getComputedStyle(el).backgroundImage;
               const m = bg && bg.match(/url\\([\"']?([^\"')]+)/);
               return m ? m[1] : null;
             };
             const absolute = new URL(want, location.href).href;
             H.waitFor(() => H.displayed(sel) && source() === absolute, timeout).then(() => done(source()));",
            vec![selector.into(), url.clone().into(), timeout.into()],
        )
        .await?;
    let origin = w.harness.server.origin(&w.site);
    let want = format!("{}{}", origin.trim_end_matches('/'), url);
    if shown.as_deref() != Some(want.as_str()) && shown.as_deref() != Some(url.as_str()) {
        fail!(
            "{}: expected the {} to show {url:?} within {timeout} ms, it shows {shown:?}",
            w.call,
            part.0
        );
    }
    Ok(())
}

#[then(expr = "the {part} animated when it appeared")]
async fn animated(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    expect_animated(w, part.0, true).await
}

#[then(expr = "the {part} did not animate when it appeared")]
async fn not_animated(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    expect_animated(w, part.0, false).await
}

async fn expect_animated(w: &mut OlarkWorld, part: Part, want: bool) -> StepResult {
    let timeout = w.timeout_ms();
    let settle = w.settle_ms();
    let selector = w.selector(part).to_string();
    let got: bool = w
        .exec_async(
            "const [sel, want, timeout, settle, done] = arguments;
             const H = window.__olarkConformance;
             H.waitFor(() => H.displayed(sel) && (!want || H.wasAnimated(sel)), timeout)
               .then(() => H.settle(settle))
               .then(() => done(H.wasAnimated(sel)));",
            vec![
                selector.clone().into(),
                want.into(),
                timeout.into(),
                settle.into(),
            ],
        )
        .await?;
    if got != want {
        let (expected, actual) = if want {
            (
                "to animate when it appeared",
                "no animation or transition ran on it",
            )
        } else {
            ("not to animate", "an animation or transition ran on it")
        };
        fail!(
            "{}: expected the {part} ({selector}) {expected}, but {actual}",
            w.call
        );
    }
    Ok(())
}

#[derive(Deserialize)]
struct Text {
    text: String,
}

async fn visible_text(w: &mut OlarkWorld, part: Part) -> anyhow::Result<String> {
    let timeout = w.timeout_ms();
    let selector = w.selector(part).to_string();
    let t: Text = w
        .exec_async(
            "const [sel, timeout, done] = arguments;
             const H = window.__olarkConformance;
             H.waitFor(() => H.displayed(sel), timeout).then(() => {
               const el = document.querySelector(sel);
               done({ text: el ? el.innerText.trim() : '' });
             });",
            vec![selector.into(), timeout.into()],
        )
        .await?;
    Ok(t.text)
}

#[then(expr = "the {part} shows text")]
async fn shows_text(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    let text = visible_text(w, part.0).await?;
    if text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        fail!(
            "{}: expected the {} to show text, its visible text is {text:?}",
            w.call,
            part.0
        );
    }
    Ok(())
}

#[then(expr = "the {part} shows no text")]
async fn shows_no_text(w: &mut OlarkWorld, part: WidgetPart) -> StepResult {
    let text = visible_text(w, part.0).await?;
    // An unread count is not text.
    if text.chars().any(char::is_alphabetic) {
        fail!(
            "{}: expected the {} to show no text (an icon only), it shows {text:?}",
            w.call,
            part.0
        );
    }
    Ok(())
}

#[then(expr = "the {part} is inside the page's {string} element")]
async fn inside(w: &mut OlarkWorld, part: WidgetPart, container: String) -> StepResult {
    let g = geometry(w, part.0).await?;
    let boxed = w
        .exec(
            "const el = document.querySelector(arguments[0]); if (!el) return null; const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];",
            vec![container.clone().into()],
        )
        .await?;
    let Some(b) = boxed
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect::<Vec<_>>())
    else {
        return Err(w
            .fault(format!("the fixture page has no {container:?} element"))
            .into());
    };
    let inside = b.len() == 4
        && g.left >= b[0] - 1.0
        && g.top >= b[1] - 1.0
        && g.right <= b[2] + 1.0
        && g.bottom <= b[3] + 1.0;
    if !inside {
        fail!(
            "{}: expected the {} inside the page's {container} ({b:?}), its box is [{:.0}, {:.0}, {:.0}, {:.0}]",
            w.call,
            part.0,
            g.left,
            g.top,
            g.right,
            g.bottom
        );
    }
    Ok(())
}

/// Saves a screenshot of the page as `<artifacts>/screenshots/<name>.png`, for the
/// pictures in `docs/` and for looking at an implementation.
#[then(expr = "the page is captured as {string}")]
async fn capture(w: &mut OlarkWorld, name: String) -> StepResult {
    w.settle().await?;
    let dir = w.harness.opts.artifacts.join("screenshots");
    let shot = w
        .webdriver(
            "taking a screenshot",
            |c| async move { c.screenshot().await },
        )
        .await?;
    let png = shot.map_err(|e| w.command_error(e, "failed to take a screenshot"))?;
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join(format!("{name}.png")), png));
    written.map_err(|e| w.fault(format!("failed to save the screenshot {name}: {e}")))?;
    Ok(())
}
