//! Steps about how the widget looks and where it sits, asserted as a visitor would see
//! it: geometry in the viewport, computed styles (colours compared as colours), corners,
//! light or dark, images shown, animation, text. Site-wide settings and the viewport size
//! are arranged here too. Every element is the one the query layer's rule says counts
//! (the first displayed element of the part), measured in the top-level viewport.

use cucumber::{given, then, when};
use olark_conformance::profile::Part;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::steps::params::WidgetPart;
use crate::steps::world::{fail, OlarkWorld, StepResult, Vis, VisState, Waited};

/// The failure of a reading that needed the part displayed.
fn not_displayed(w: &OlarkWorld, part: Part, vis: &Vis, to: &str) -> anyhow::Error {
    let why = match vis.state {
        VisState::Unseen => vis.describe(),
        _ => "it was not displayed".into(),
    };
    anyhow::anyhow!(
        "{}: expected the {part} ({}) to be displayed within {} ms to {to}, but {why}",
        w.call,
        w.selector(part),
        w.timeout_ms()
    )
}

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

/// Geometry of a part (in the top-level viewport) and of the viewport, measured in the
/// page after waiting for the part to be displayed and the page to settle.
#[derive(Debug, Deserialize)]
struct Measured {
    vis: Vis,
    #[serde(rename = "box")]
    rect: Option<Rect>,
    vw: f64,
    vh: f64,
}

#[derive(Debug, Clone, Copy, Deserialize)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

#[derive(Debug)]
struct Geometry {
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
    let m: Waited<Measured> = w
        .query(
            "geometry",
            part,
            json!({ "timeout": timeout, "settle": settle }),
        )
        .await?;
    w.check_profile(&m.seen.vis)?;
    let Some(r) = m.seen.rect else {
        return Err(not_displayed(w, part, &m.seen.vis, "measure it"));
    };
    Ok(Geometry {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        vw: m.seen.vw,
        vh: m.seen.vh,
    })
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
    vis: Vis,
    value: String,
    #[serde(default)]
    expected: Option<String>,
}

/// Reads a computed style property once the element is displayed and its transitions
/// have finished; when `expected` is given, it is normalised the same way (a colour
/// written `#744da8` compares equal to `rgb(116, 77, 168)`).
async fn computed(
    w: &mut OlarkWorld,
    part: Part,
    property: &str,
    expected: Option<&str>,
) -> anyhow::Result<Styled> {
    let timeout = w.timeout_ms();
    let s: Waited<Styled> = w
        .query(
            "style",
            part,
            json!({ "property": property, "expected": expected, "timeout": timeout }),
        )
        .await?;
    w.check_profile(&s.seen.vis)?;
    if s.seen.vis.state != VisState::Displayed {
        return Err(not_displayed(
            w,
            part,
            &s.seen.vis,
            &format!("read its {property}"),
        ));
    }
    Ok(s.seen)
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
    vis: Vis,
    radii: Vec<String>,
}

async fn corners(w: &mut OlarkWorld, part: Part) -> anyhow::Result<Vec<String>> {
    let timeout = w.timeout_ms();
    let c: Waited<Corners> = w
        .query("corners", part, json!({ "timeout": timeout }))
        .await?;
    w.check_profile(&c.seen.vis)?;
    if !c.met {
        return Err(not_displayed(w, part, &c.seen.vis, "read its corners"));
    }
    Ok(c.seen.radii)
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
    vis: Vis,
    luminance: Option<f64>,
    color: String,
}

/// The relative luminance (WCAG) of the first opaque background at or above the part
/// (through shadow hosts, and out of a frame into the page behind it).
async fn background_luminance(w: &mut OlarkWorld, part: Part) -> anyhow::Result<Shade> {
    let timeout = w.timeout_ms();
    let s: Waited<Shade> = w
        .query("background", part, json!({ "timeout": timeout }))
        .await?;
    w.check_profile(&s.seen.vis)?;
    if !s.met {
        return Err(not_displayed(w, part, &s.seen.vis, "read its background"));
    }
    Ok(s.seen)
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

#[derive(Deserialize)]
struct Image {
    vis: Vis,
    source: Option<String>,
}

#[given(expr = "the {part} shows the image {string}")]
#[then(expr = "the {part} shows the image {string}")]
async fn shows_image(w: &mut OlarkWorld, part: WidgetPart, url: String) -> StepResult {
    let timeout = w.timeout_ms();
    let shown: Waited<Image> = w
        .query("image", part.0, json!({ "url": url, "timeout": timeout }))
        .await?;
    w.check_profile(&shown.seen.vis)?;
    if !shown.met {
        let got = match shown.seen.vis.state {
            VisState::Displayed => format!("it shows {:?}", shown.seen.source),
            _ => shown.seen.vis.describe(),
        };
        fail!(
            "{}: expected the {} to show {url:?} within {timeout} ms, but {got}",
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

#[derive(Deserialize)]
struct Animated {
    vis: Vis,
    animated: bool,
}

async fn expect_animated(w: &mut OlarkWorld, part: Part, want: bool) -> StepResult {
    let timeout = w.timeout_ms();
    let settle = w.settle_ms();
    let got: Waited<Animated> = w
        .query(
            "animated",
            part,
            json!({ "want": want, "timeout": timeout, "settle": settle }),
        )
        .await?;
    w.check_profile(&got.seen.vis)?;
    if got.seen.vis.state != VisState::Displayed {
        return Err(not_displayed(w, part, &got.seen.vis, "see whether it animated").into());
    }
    if got.seen.animated != want {
        let (expected, actual) = if want {
            (
                "to animate when it appeared",
                "no animation or transition ran on it",
            )
        } else {
            ("not to animate", "an animation or transition ran on it")
        };
        fail!(
            "{}: expected the {part} ({}) {expected}, but {actual}",
            w.call,
            w.selector(part)
        );
    }
    Ok(())
}

/// The visible text of a displayed part (every element of it, in order).
async fn visible_text(w: &mut OlarkWorld, part: Part) -> anyhow::Result<String> {
    let timeout = w.timeout_ms();
    let t: Waited<crate::steps::behaviour::Reading> = w
        .query(
            "read",
            part,
            json!({ "what": "text", "includes": "", "displayed": true, "timeout": timeout }),
        )
        .await?;
    w.check_profile(&t.seen.vis)?;
    if t.seen.vis.state != VisState::Displayed {
        return Err(not_displayed(w, part, &t.seen.vis, "read its text"));
    }
    Ok(t.seen.text)
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
    let boxed: Value = w
        .invoke("pageBox", json!({ "selector": container }))
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
