//! How recorded values are compared with what a scenario expects.

use serde_json::Value;

/// Whether `got` has everything `want` has: objects may carry more keys (an
/// implementation may add fields to an event object), arrays match element by element,
/// everything else must be equal.
pub fn includes(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w
            .iter()
            .all(|(k, wv)| g.get(k).is_some_and(|gv| includes(gv, wv))),
        (Value::Array(g), Value::Array(w)) => {
            g.len() == w.len() && g.iter().zip(w).all(|(gv, wv)| includes(gv, wv))
        }
        _ => got == want,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::includes;

    #[test]
    fn includes_is_a_deep_subset() {
        let got = json!([{"message": {"body": "hi", "nickname": "Al", "id": 3}}]);
        assert!(includes(&got, &json!([{"message": {"body": "hi"}}])));
        assert!(!includes(&got, &json!([{"message": {"body": "ho"}}])));
        assert!(!includes(&got, &json!([{"message": {"body": "hi"}}, 1])));
        assert!(!includes(
            &json!([{}]),
            &json!([{"command": {"name": "faq"}}])
        ));
        assert!(includes(&json!("x"), &json!("x")));
    }
}
