//! The JSON API and the server's security rules, over a real socket, on a
//! ledger holding the seed article (the repository's copy) and the hostile
//! fixtures.

mod common;

use std::sync::OnceLock;

use claimgraph_server::api::API_PATHS;
use common::{build_ledger, hostile_path, raw_request, seed_path, TestServer, TOKEN};
use serde_json::{json, Value};

/// One ledger for the read-only tests (analysing is the slow part).
fn ledger() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        build_ledger(&dir.path().join("seed.db"), &[seed_path(), hostile_path()]);
        dir
    });
    static PATH: OnceLock<std::path::PathBuf> = OnceLock::new();
    PATH.get_or_init(|| dir.path().join("seed.db"))
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

fn get(server: &TestServer, path: &str) -> (u16, Value) {
    let mut res = agent().get(format!("{}{path}", server.url())).call().expect("request");
    let status = res.status().as_u16();
    let body = res.body_mut().read_to_string().expect("body");
    (status, serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}")))
}

fn post(server: &TestServer, path: &str, body: &Value, token: Option<&str>) -> (u16, Value) {
    let mut req = agent().post(format!("{}{path}", server.url())).header("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    let mut res = req.send(body.to_string()).expect("request");
    let status = res.status().as_u16();
    let text = res.body_mut().read_to_string().expect("body");
    (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {text}")))
}

/// The Iranian foreign minister's entity id, found by one spelling.
fn minister(server: &TestServer) -> String {
    let (status, ents) = get(server, "/api/entities?q=Abdollahian");
    assert_eq!(status, 200);
    ents[0]["id"].as_str().expect("an entity").to_string()
}

#[test]
fn entity_page_lists_every_spelling_with_counts() {
    let server = TestServer::start(ledger(), None);
    let id = minister(&server);
    let (status, page) = get(&server, &format!("/api/entities/{id}"));
    assert_eq!(status, 200);
    let aliases: Vec<(String, i64)> = page["entity"]["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .map(|a| (a["alias"].as_str().unwrap_or("").to_string(), a["count"].as_i64().unwrap_or(0)))
        .collect();
    for spelling in ["Amirabadollahian", "Amir Abdullahian", "Amir Abdollahian"] {
        assert!(aliases.iter().any(|(a, n)| a.contains(spelling) && *n >= 1), "{spelling} missing from {aliases:?}");
    }
    assert!(page["claims_by"].as_array().is_some_and(|c| c.len() >= 3), "claims by the minister");
    assert!(page["relations"].as_array().is_some_and(|r| r.iter().any(|r| r["relation"] == "contradicts")));
    // The same page by a spelling instead of the id.
    let (status, by_name) = get(&server, "/api/entities/Amir%20Abdullahian");
    assert_eq!(status, 200);
    assert_eq!(by_name["entity"]["id"], page["entity"]["id"]);
}

#[test]
fn conflicts_include_the_drone_purchase_against_a_denial() {
    let server = TestServer::start(ledger(), None);
    let (status, rels) = get(&server, "/api/relations?kind=contradicts");
    assert_eq!(status, 200);
    let found = rels.as_array().expect("list").iter().any(|r| {
        let sides = [&r["a"], &r["b"]];
        let budanov = sides.iter().any(|s| {
            s["speaker"].as_str().is_some_and(|n| n.contains("Budanov"))
                && s["content"].as_str().is_some_and(|c| c.contains("1,700"))
                && s["stance"] == "affirms"
        });
        let denial = sides.iter().any(|s| s["stance"] == "denies");
        budanov && denial
    });
    assert!(found, "no Budanov 1,700-drones pair against a denial in {rels}");
}

#[test]
fn document_spans_are_code_point_offsets() {
    let server = TestServer::start(ledger(), None);
    let (_, docs) = get(&server, "/api/documents");
    let docs = docs.as_array().expect("documents");
    assert_eq!(docs.len(), 3);
    let mut checked = 0;
    for d in docs {
        let (status, rec) = get(&server, &format!("/api/documents/{}", d["id"].as_str().expect("id")));
        assert_eq!(status, 200);
        let text: Vec<char> = rec["doc"]["text"].as_str().expect("text").chars().collect();
        let slice = |s: &Value| -> String {
            let (a, b) = (s["start"].as_u64().expect("start") as usize, s["end"].as_u64().expect("end") as usize);
            text[a..b].iter().collect()
        };
        for c in rec["claims"].as_array().expect("claims") {
            assert_eq!(slice(&c["cue"]), c["cue"]["text"].as_str().expect("cue"));
            assert_eq!(slice(&c["content"]), c["content"]["text"].as_str().expect("content"));
            checked += 2;
        }
        for q in rec["quantities"].as_array().expect("quantities") {
            assert_eq!(slice(q), q["text"].as_str().expect("quantity"));
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} spans checked");
}

#[test]
fn search_finds_claims_entities_and_documents() {
    let server = TestServer::start(ledger(), None);
    let (status, r) = get(&server, "/api/search?q=Shahid%20drones");
    assert_eq!(status, 200);
    assert!(r["claims"]
        .as_array()
        .is_some_and(|c| c.iter().any(|c| c["content"].as_str().is_some_and(|t| t.contains("1,700")))));
    assert_eq!(r["documents"].as_array().map(Vec::len), Some(1));
    let (_, r) = get(&server, "/api/search?q=budanov");
    assert!(r["entities"].as_array().is_some_and(|e| e.iter().any(|e| e["name"] == "Krylo Budanov")));
    // FTS syntax in user input is taken literally, not as a query language.
    let (status, r) = get(&server, "/api/search?q=%22drones%20OR%20*%20NEAR(");
    assert_eq!(status, 200, "{r}");
    let (status, r) = get(&server, "/api/search?q=");
    assert_eq!(status, 400);
    assert!(r["error"].is_string());
}

#[test]
fn claims_filters() {
    let server = TestServer::start(ledger(), None);
    let id = minister(&server);
    let (_, denies) = get(&server, &format!("/api/claims?speaker={id}&stance=denies"));
    let denies = denies.as_array().expect("list");
    assert!(!denies.is_empty());
    assert!(denies.iter().all(|c| c["stance"] == "denies" && c["speaker_entity"] == id.as_str()));
    let (_, dated) = get(&server, "/api/claims?since=2024-03-05&until=2024-03-06");
    assert!(dated.as_array().is_some_and(
        |c| !c.is_empty() && c.iter().all(|c| c["published"].as_str().is_some_and(|p| p.starts_with("2024-03-05")))
    ));
    let (status, err) = get(&server, "/api/claims?stance=maybe");
    assert_eq!(status, 400);
    assert!(err["error"].as_str().is_some_and(|e| e.contains("affirms")));
    let (status, _) = get(&server, "/api/claims?limit=100000");
    assert_eq!(status, 400);
    let (status, err) = get(&server, "/api/claims?limit=ten");
    assert_eq!(status, 400);
    assert!(err["error"].is_string());
}

#[test]
fn errors_are_json_and_paths_cannot_escape_the_assets() {
    let server = TestServer::start(ledger(), None);
    let (status, err) = get(&server, "/api/entities/no-such-entity-anywhere");
    assert_eq!(status, 404);
    assert!(err["error"].as_str().is_some_and(|e| e.contains("no entity")));
    let (status, _) = get(&server, "/api/documents/0000000000000000");
    assert_eq!(status, 404);
    for path in [
        "/../Cargo.toml",
        "/..%2f..%2fCargo.toml",
        "/%2e%2e/%2e%2e/Cargo.toml",
        "/app.js/../../../../etc/passwd",
        "/assets/app.js",
        "/src/lib.rs",
        "//etc/passwd",
        "/app.js%00.html",
        "/index.html",
    ] {
        let (status, head, body) = raw_request(server.addr, &format!("GET {path} HTTP/1.1"), &[], b"");
        assert_eq!(status, 404, "{path}: {head}");
        let v: Value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path}: not JSON: {body}"));
        assert!(v["error"].is_string());
        assert!(!body.contains("[package]") && !body.contains("root:"), "{path} leaked a file");
    }
    // Wrong method: JSON too.
    let (status, head, body) = raw_request(server.addr, "DELETE /api/info HTTP/1.1", &[], b"");
    assert_eq!(status, 405, "{head}");
    assert!(body.contains("\"error\""));
    // No stack traces or Rust internals in any error message.
    for (_, path) in API_PATHS {
        let (_, _, body) = raw_request(server.addr, &format!("PUT {} HTTP/1.1", path.replace("{id}", "x")), &[], b"");
        assert!(!body.contains("panicked") && !body.contains("src/") && !body.contains("backtrace"), "{body}");
    }
}

#[test]
fn security_headers_on_every_response() {
    let server = TestServer::start(ledger(), None);
    for path in ["/", "/app.js", "/api/info", "/no-such-thing"] {
        let (_, head, _) = raw_request(server.addr, &format!("GET {path} HTTP/1.1"), &[], b"");
        let head = head.to_ascii_lowercase();
        assert!(head.contains("content-security-policy: default-src 'none'; script-src 'self'"), "{path}: {head}");
        assert!(head.contains("x-content-type-options: nosniff"), "{path}");
        assert!(head.contains("x-frame-options: deny"), "{path}");
    }
    let (_, head, _) = raw_request(server.addr, "GET /api/info HTTP/1.1", &[], b"");
    assert!(head.to_ascii_lowercase().contains("cache-control: no-store"));
}

#[test]
fn loopback_server_refuses_foreign_host_names() {
    let server = TestServer::start(ledger(), None);
    let mut s = std::net::TcpStream::connect(server.addr).expect("connects");
    use std::io::{Read, Write};
    s.write_all(b"GET /api/info HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n").expect("writes");
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    assert!(out.starts_with("HTTP/1.1 421"), "{out}");
    assert!(out.contains("\"error\""));
}

#[test]
fn read_only_unless_started_with_a_token() {
    let server = TestServer::start(ledger(), None);
    let (status, info) = get(&server, "/api/info");
    assert_eq!(status, 200);
    assert_eq!(info["writable"], false);
    let before = info["stats"]["documents"].clone();
    let (status, err) =
        post(&server, "/api/analyse", &json!({"text": "Ann Lee said the dam broke.", "store": true}), Some(TOKEN));
    assert_eq!(status, 403, "{err}");
    let (status, _) = post(&server, "/api/merge", &json!({"into": "e1", "from": "e2"}), Some(TOKEN));
    assert_eq!(status, 403);
    let (_, info) = get(&server, "/api/info");
    assert_eq!(info["stats"]["documents"], before);
}

#[test]
fn analyse_without_storing() {
    let server = TestServer::start(ledger(), None);
    let text = std::fs::read_to_string(seed_path()).expect("seed");
    let (status, r) = post(&server, "/api/analyse", &json!({ "text": text }), None);
    assert_eq!(status, 200, "{r}");
    assert!(r["stored"].is_null());
    let claims = r["record"]["claims"].as_array().expect("claims");
    assert!(claims.len() >= 8, "{} claims", claims.len());
    assert!(claims.iter().any(|c| c["content"]["text"].as_str().is_some_and(|t| t.contains("1,700 Shahid"))));
    // An HTML page: markup is reduced to its text, nothing is fetched.
    let html = "<html><head><title>Dam report</title><script>alert(1)</script></head><body><article><p>The mayor, Ann Lee, said on Tuesday that the dam had not broken.</p><img src=\"http://example.invalid/x.png\" onerror=\"alert(2)\"></article></body></html>";
    let (status, r) = post(&server, "/api/analyse", &json!({ "html": html }), None);
    assert_eq!(status, 200, "{r}");
    let text = r["record"]["doc"]["text"].as_str().expect("text");
    assert!(text.contains("the dam had not broken") && !text.contains("alert("), "{text}");
    // Both or neither of text and html; unknown fields; wrong content type.
    let (status, _) = post(&server, "/api/analyse", &json!({ "text": "a", "html": "b" }), None);
    assert_eq!(status, 400);
    let (status, _) = post(&server, "/api/analyse", &json!({ "txt": "a" }), None);
    assert_eq!(status, 400);
    let (status, _, body) =
        raw_request(server.addr, "POST /api/analyse HTTP/1.1", &[("Content-Type", "text/plain")], b"{\"text\":\"x\"}");
    assert_eq!(status, 415, "{body}");
}

#[test]
fn request_bodies_are_size_limited() {
    let server = TestServer::start_with(ledger(), None, |c| c.max_body = 64 * 1024);
    let big = vec![b'a'; 200 * 1024];
    let mut body = b"{\"text\":\"".to_vec();
    body.extend_from_slice(&big);
    body.extend_from_slice(b"\"}");
    let (status, head, text) =
        raw_request(server.addr, "POST /api/analyse HTTP/1.1", &[("Content-Type", "application/json")], &body);
    assert_eq!(status, 413, "{head}");
    assert!(text.contains("too large"), "{text}");
}

#[test]
fn writes_need_the_token_and_reach_the_ledger() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("w.db");
    build_ledger(&db, &[seed_path()]);
    let server = TestServer::start(&db, Some(TOKEN));
    let article = json!({"text": "Water minister Ann Lee said on Tuesday that the Kakhovka dam had not been repaired.\n\nEngineer Tom Fox said that 40 workers were repairing the dam.", "title": "Dam", "store": true});
    let (status, _) = post(&server, "/api/analyse", &article, None);
    assert_eq!(status, 401);
    let (status, _) = post(&server, "/api/analyse", &article, Some("wrong-token-0123456789"));
    assert_eq!(status, 401);
    let (status, r) = post(&server, "/api/analyse", &article, Some(TOKEN));
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["stored"]["added"], 1);
    let id = r["record"]["doc"]["id"].as_str().expect("id").to_string();
    let (status, rec) = get(&server, &format!("/api/documents/{id}"));
    assert_eq!(status, 200);
    assert_eq!(rec["doc"]["title"], "Dam");
    // Stored again: recognised, not duplicated.
    let (_, r) = post(&server, "/api/analyse", &article, Some(TOKEN));
    assert_eq!(r["stored"]["present"], 1);
    let (_, info) = get(&server, "/api/info");
    assert_eq!(info["stats"]["documents"], 2);
    assert_eq!(info["writable"], true);
    // A split and a merge back, through the API.
    let id = minister(&server);
    let (status, split) = post(&server, "/api/split", &json!({"entity": id, "alias": "Amir Abdullahian"}), Some(TOKEN));
    assert_eq!(status, 200, "{split}");
    let new_id = split["entity"].as_str().expect("new entity").to_string();
    let (_, page) = get(&server, &format!("/api/entities/{id}"));
    assert!(!page["entity"]["aliases"].as_array().expect("aliases").iter().any(|a| a["alias"] == "Amir Abdullahian"));
    let (status, merged) = post(&server, "/api/merge", &json!({"into": id, "from": new_id}), Some(TOKEN));
    assert_eq!(status, 200, "{merged}");
    let (_, page) = get(&server, &format!("/api/entities/{id}"));
    assert!(page["entity"]["aliases"].as_array().expect("aliases").iter().any(|a| a["alias"] == "Amir Abdullahian"));
}

#[test]
fn openapi_describes_exactly_the_routes() {
    let server = TestServer::start(ledger(), None);
    let (status, doc) = get(&server, "/openapi.json");
    assert_eq!(status, 200);
    let paths = doc["paths"].as_object().expect("paths");
    let mut described: Vec<(String, String)> = Vec::new();
    for (path, ops) in paths {
        for method in ops.as_object().expect("operations").keys() {
            described.push((method.to_uppercase(), path.clone()));
        }
    }
    described.sort();
    let mut routed: Vec<(String, String)> = API_PATHS.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    routed.sort();
    assert_eq!(described, routed);
    // Every listed route is routed: no "no such path" 404 and no 405.
    for (method, path) in API_PATHS {
        let (status, _, body) = raw_request(
            server.addr,
            &format!("{method} {} HTTP/1.1", path.replace("{id}", "e1")),
            &[("Content-Type", "application/json")],
            b"{}",
        );
        assert!(status != 405 && !body.contains("no such path"), "{method} {path}: {status} {body}");
    }
    // Every $ref resolves.
    let text = doc.to_string();
    for r in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = r.split('"').next().unwrap_or("");
        assert!(doc["components"]["schemas"][name].is_object(), "unresolved $ref {name}");
    }
}
