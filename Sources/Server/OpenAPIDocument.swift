/// The OpenAPI 3.0 document of the board's JSON API, served at `/openapi.json`. The API is read-only; what changes
/// things is done through the pages' forms (each with the session's CSRF token). Every route needs the session
/// cookie, and answers 401 without it.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "Tiaoqi shared board",
            "version": "1",
            "description": "The bureau's published weeks, their clashes and the record of changes. Sign in at /login; the session cookie authenticates every call."
          },
          "servers": [{"url": "/"}],
          "security": [{"session": []}],
          "paths": {
            "/healthz": {
              "get": {
                "summary": "Whether the board answers",
                "security": [],
                "responses": {"200": {"description": "ok", "content": {"text/plain": {"schema": {"type": "string"}}}}}
              }
            },
            "/api/weeks": {
              "get": {
                "summary": "The latest version of every published week the caller may see",
                "responses": {
                  "200": {"description": "the weeks", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Week"}}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/weeks/{team}/{week}": {
              "get": {
                "summary": "The plan of a team's week, as plan.json holds it (latest version)",
                "parameters": [
                  {"name": "team", "in": "path", "required": true, "schema": {"type": "string"}},
                  {"name": "week", "in": "path", "required": true, "schema": {"type": "string", "format": "date"}}
                ],
                "responses": {
                  "200": {"description": "the plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Plan"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/board": {
              "get": {
                "summary": "The board: every team's latest weeks (stale or not) and the clashes between them, in the reader's language",
                "responses": {
                  "200": {"description": "the board", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Board"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/api/changes": {
              "get": {
                "summary": "The latest changes made on the board (who, when, what), newest first",
                "responses": {
                  "200": {"description": "the changes", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Change"}}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            }
          },
          "components": {
            "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "tiaoqi_session"}},
            "responses": {
              "Unauthorized": {"description": "nobody is signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "the caller's role may not see this", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "no such week", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            },
            "schemas": {
              "Error": {
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "string", "enum": ["unauthorized", "forbidden", "bad-form", "conflict", "not-found"]}, "message": {"type": "string"}}
              },
              "Week": {
                "type": "object", "required": ["team", "weekStart", "version", "publishedAt"],
                "properties": {
                  "team": {"type": "string"}, "weekStart": {"type": "string", "format": "date"},
                  "version": {"type": "integer", "minimum": 1}, "publishedAt": {"type": "integer", "description": "seconds since 1970 (UTC)"}
                }
              },
              "Plan": {
                "type": "object", "required": ["name", "days", "visits", "legs", "stays", "left_out", "score"],
                "properties": {
                  "name": {"type": "string"}, "team": {"type": "string"}, "time_zone": {"type": "string"},
                  "days": {"type": "array", "items": {"type": "string", "format": "date"}},
                  "visits": {"type": "array", "items": {"type": "object"}}, "legs": {"type": "array", "items": {"type": "object"}},
                  "stays": {"type": "array", "items": {"type": "object"}}, "left_out": {"type": "array", "items": {"type": "object"}},
                  "score": {"type": "object"}, "published_version": {"type": "integer"}
                }
              },
              "Board": {
                "type": "object", "required": ["generation", "weeks", "clashes", "countText"],
                "properties": {
                  "generation": {"type": "integer"},
                  "weeks": {"type": "array", "items": {"$ref": "#/components/schemas/BoardWeek"}},
                  "clashes": {"type": "array", "items": {"$ref": "#/components/schemas/Clash"}},
                  "countText": {"type": "string"}
                }
              },
              "BoardWeek": {
                "type": "object", "required": ["team", "teamLabel", "week", "version", "publishedAt", "stale", "state"],
                "properties": {
                  "team": {"type": "string"}, "teamLabel": {"type": "string"}, "week": {"type": "string", "format": "date"},
                  "version": {"type": "integer"}, "publishedAt": {"type": "string"}, "stale": {"type": "boolean"}, "state": {"type": "string"}
                }
              },
              "Clash": {
                "type": "object",
                "required": ["severity", "severityLabel", "kind", "kindLabel", "when", "people", "teams", "explanation", "parts", "fix"],
                "properties": {
                  "severity": {"type": "string", "enum": ["error", "warning"]}, "severityLabel": {"type": "string"},
                  "kind": {"type": "string"}, "kindLabel": {"type": "string"}, "when": {"type": "string"},
                  "people": {"type": "array", "items": {"type": "string"}}, "teams": {"type": "array", "items": {"type": "string"}},
                  "explanation": {"type": "string"}, "parts": {"type": "array", "items": {"type": "string"}}, "fix": {"type": "string"}
                }
              },
              "Change": {
                "type": "object", "required": ["at", "account", "action", "subject", "detail"],
                "properties": {
                  "at": {"type": "integer"}, "account": {"type": "string"}, "action": {"type": "string"},
                  "subject": {"type": "string"}, "detail": {"type": "string"}
                }
              }
            }
          }
        }
        """#
}
