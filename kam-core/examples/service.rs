//! A web service that scores audits sent as JSON, with Axum:
//!
//! - `POST /score` takes an assessment (an action audit or a checklist,
//!   against a bundled framework or one loaded at start) and answers with the
//!   report, or with the error body `{"kind", "message", "path"}` and status
//!   400 (the client's input) or 500 (the server's framework file);
//! - `GET /frameworks` lists the frameworks it scores against.
//!
//! ```sh
//! cargo run -p kam-engine --example service -- [framework.json …]
//! curl -d @kam-core/examples/data/northwind-audit.json http://127.0.0.1:3000/score
//! ```
//!
//! Without arguments it loads the company checklist of the examples
//! (`examples/data/acme-kam-review.json`). docs/rust.md explains the
//! patterns; `cargo test -p kam-engine --example service` drives it in-process.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use kam_core::error::Category;
use kam_core::framework::FrameworkSummary;
use kam_core::{AuditAssessment, Framework, api};

/// What every request shares: the frameworks loaded at start, validated
/// once. The bundled ones need no sharing: kam hands them out as `'static`.
struct Frameworks {
    custom: Vec<Framework>,
}

impl Frameworks {
    /// The framework an assessment names: one loaded at start, else a
    /// bundled one (whose error, for an unknown id, points at `/framework`).
    fn named(&self, assessment: &AuditAssessment) -> Result<&Framework, kam_core::Error> {
        match self.custom.iter().find(|f| f.id() == assessment.framework) {
            Some(framework) => Ok(framework),
            None => api::framework(&assessment.framework).map_err(|e| e.within("/framework")),
        }
    }

    fn summaries(&self) -> Result<Vec<FrameworkSummary>, kam_core::Error> {
        let mut all = api::frameworks()?;
        all.extend(self.custom.iter().map(Framework::summary));
        Ok(all)
    }
}

/// The service's routes. The body is taken as text, under kam's own size
/// limit, and parsed by kam: Axum's `Json<T>` would skip kam's limits and
/// give errors without a JSON Pointer.
fn app(frameworks: Arc<Frameworks>) -> Router {
    Router::new()
        .route("/score", post(score))
        .route("/frameworks", get(list))
        .layer(DefaultBodyLimit::max(kam_core::limits::MAX_INPUT_BYTES))
        .with_state(frameworks)
}

async fn score(State(frameworks): State<Arc<Frameworks>>, body: String) -> Response {
    respond(report(&frameworks, &body))
}

async fn list(State(frameworks): State<Arc<Frameworks>>) -> Response {
    respond(frameworks.summaries())
}

/// A report of either kind, written as it is.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Report {
    Audit(kam_core::AuditReport),
    Checklist(kam_core::ChecklistReport),
}

/// Scores an assessment: an action audit, or a checklist item by item.
fn report(frameworks: &Frameworks, body: &str) -> Result<Report, kam_core::Error> {
    let assessment = AuditAssessment::from_json(body)?;
    let framework = frameworks.named(&assessment)?;
    Ok(match framework {
        Framework::Checklist(_) => Report::Checklist(api::score_checklist_with(
            framework,
            &assessment,
            &kam_core::ChecklistOptions::default(),
        )?),
        // A maturity model is refused here with `wrong-framework-type`.
        _ => Report::Audit(api::score_with(
            framework,
            &assessment,
            &kam_core::ScoreOptions::default(),
        )?),
    })
}

/// The result as JSON, or kam's error as JSON with the status its category
/// calls for.
fn respond(result: Result<impl serde::Serialize, kam_core::Error>) -> Response {
    let (status, body) = match result {
        Ok(value) => (StatusCode::OK, serde_json::to_string(&value)),
        Err(error) => (status_of(&error), serde_json::to_string(&error)),
    };
    match body {
        Ok(body) => (status, [(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn status_of(error: &kam_core::Error) -> StatusCode {
    match error.category() {
        Category::Input => StatusCode::BAD_REQUEST,
        // A broken framework file on the server, and any category added
        // later until this service knows it.
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The frameworks named on the command line, or the example checklist.
fn load(paths: &[String]) -> Result<Frameworks, kam_core::Error> {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/acme-kam-review.json"
    );
    let paths: Vec<&str> = if paths.is_empty() {
        vec![example]
    } else {
        paths.iter().map(String::as_str).collect()
    };
    let custom = paths
        .into_iter()
        .map(Framework::from_path)
        .collect::<Result<_, _>>()?;
    Ok(Frameworks { custom })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    // A framework file that does not load stops the service at start, not
    // at the first request.
    let frameworks = Arc::new(load(&paths)?);
    let address = std::env::var("KAM_ADDRESS").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("kam scores on http://{address}/score");
    axum::serve(listener, app(frameworks)).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::Request;
    use serde_json::Value;
    use tower::ServiceExt;

    use super::*;

    /// Sends one request to the service, in-process, and reads the answer.
    async fn send(method: &str, uri: &str, body: impl Into<Body>) -> (StatusCode, Value) {
        let service = app(Arc::new(load(&[]).unwrap()));
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .body(body.into())
            .unwrap();
        let response = service.oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, body)
    }

    fn example(name: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/");
        std::fs::read_to_string(format!("{dir}{name}")).unwrap()
    }

    #[tokio::test]
    async fn an_audit_is_scored() {
        let (status, report) = send("POST", "/score", example("northwind-audit.json")).await;
        assert_eq!(status, StatusCode::OK);
        let assessment = AuditAssessment::from_json(&example("northwind-audit.json")).unwrap();
        let expected = api::score(&assessment, &kam_core::ScoreOptions::default()).unwrap();
        assert_eq!(report, serde_json::to_value(expected).unwrap());
    }

    #[tokio::test]
    async fn a_checklist_is_scored_against_the_framework_loaded_at_start() {
        let body = example("acme-kam-review-assessment.json");
        let (status, report) = send("POST", "/score", body).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(report["framework"]["id"], "acme-kam-review");
    }

    #[tokio::test]
    async fn a_bad_item_is_the_client_s_error_with_its_place() {
        let body = r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2",
                       "scores": {"A1.1": 3, "Z9.9": 2}}"#;
        let (status, error) = send("POST", "/score", body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(error["kind"], "unknown-item");
        assert_eq!(error["path"], "/scores/Z9.9");
        assert!(error["message"].as_str().unwrap().contains("`Z9.9`"));
    }

    #[tokio::test]
    async fn a_malformed_body_is_named_by_kam() {
        let (status, error) = send("POST", "/score", r#"{"framework": "#).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(error["kind"], "invalid-json");
        let (status, error) = send("POST", "/score", r#"{"framework": 7}"#).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(error["kind"], "invalid-input");
        assert_eq!(error["path"], "/framework");
    }

    /// A body over kam's limit never reaches kam: Axum refuses it (413)
    /// before reading it whole.
    #[tokio::test]
    async fn an_oversized_body_is_refused() {
        let body = " ".repeat(kam_core::limits::MAX_INPUT_BYTES + 1);
        let (status, _) = send("POST", "/score", body).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    }

    #[tokio::test]
    async fn the_frameworks_include_the_one_loaded_at_start() {
        let (status, list) = send("GET", "/frameworks", Body::empty()).await;
        assert_eq!(status, StatusCode::OK);
        let ids: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["id"].as_str())
            .collect();
        assert!(ids.contains(&"cranfield-kam-development"));
        assert!(ids.contains(&"acme-kam-review"));
    }

    #[test]
    fn a_broken_framework_file_stops_the_service_at_start() {
        let Err(error) = load(&["no/such/framework.json".into()]) else {
            panic!("a missing file loaded");
        };
        assert_eq!(status_of(&error), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
