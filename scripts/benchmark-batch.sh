#!/usr/bin/env bash
# Times POST /api/v1/eligibility/batch with 10,000 generated Ust-Ishim candidates, 3 calls.
# Needs a running service (BASE_URL, default http://localhost:8080) and an integration key in DECISIONS_API_KEY.
set -euo pipefail
BASE_URL="${BASE_URL:-http://localhost:8080}"
: "${DECISIONS_API_KEY:?set DECISIONS_API_KEY to an integration key}"
COUNT="${COUNT:-10000}"
BODY="$(mktemp)"
trap 'rm -f "$BODY" "$BODY.out"' EXIT
python3 - "$COUNT" > "$BODY" <<'PY'
import json, random, sys
count = int(sys.argv[1]); r = random.Random(2026)
kinds = ["OLYMPIAD_COMMISSION", "GIA_COMMISSION", "PROFESSIONAL_COMMUNITY", "INNOVATION_SITE", "BASE_SCHOOL", "SUBJECT_ASSOCIATION"]
levels = ["SCHOOL", "MUNICIPAL", "REGIONAL", "FEDERAL"]
candidates = []
for i in range(count):
    years = r.randint(0, 35)
    candidates.append({
        "id": f"bench-{i}",
        "education": [{"level": r.choice(["HIGHER", "SECONDARY_VOCATIONAL"]), "pedagogical": r.random() < 0.85, "year": r.randint(1985, 2020), "specialty": "Математика"}],
        "trainings": [{"kind": "QUALIFICATION_UPGRADE", "federalRegistry": r.random() < 0.5, "year": r.randint(2018, 2026), "hours": 36}],
        "employment": {"organizationKind": r.choice(["SCHOOL", "SCHOOL", "SCHOOL", "IMC", "KINDERGARTEN"]), "position": "TEACHER",
                       "qualificationCategory": r.choice(["NONE", "FIRST", "HIGHEST"]), "pedagogicalExperienceYears": years + r.randint(0, 3),
                       "specialtyExperienceYears": years if r.random() < 0.9 else None, "subjects": ["математика"]},
        "memberships": [{"kind": r.choice(kinds), "role": r.choice(["CHAIR", "HEAD", "MEMBER", "PARTICIPANT"]), "level": r.choice(levels)}] if r.random() < 0.6 else [],
        "achievements": [{"result": r.choice(["WINNER", "PRIZEWINNER", "PARTICIPANT"]), "level": r.choice(levels), "year": r.randint(2018, 2026)}] if r.random() < 0.4 else [],
        "assessments": [{"kind": r.choice(["FIOKO_DIAGNOSTICS", "EXPERT_EVALUATION"]), "result": r.choice(["PASSED", "FAILED", "HIGH"]), "date": "2025-04-10"}] if r.random() < 0.5 else [],
        "stableHighStudentResults": r.choice([True, False, None]),
    })
json.dump({"jurisdiction": "ust-ishim", "asOf": "2026-11-23", "candidates": candidates}, sys.stdout, ensure_ascii=False)
PY
echo "request: $COUNT candidates, $(wc -c < "$BODY") bytes"
for run in 1 2 3; do
  stats=$(curl -s -o "$BODY.out" -w '%{http_code} %{time_total}' -X POST "$BASE_URL/api/v1/eligibility/batch" \
    -H "X-API-Key: $DECISIONS_API_KEY" -H 'Content-Type: application/json' --data-binary @"$BODY")
  decided=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for x in d["results"] if x.get("verdict")))' "$BODY.out")
  echo "run $run: HTTP ${stats% *}, ${stats#* } s, $decided decisions"
done
