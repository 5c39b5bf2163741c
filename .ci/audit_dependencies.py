"""Audit the pinned runtime requirements with pip-audit; fail on any unexplained finding.

A finding we accept goes in EXPLAINED with the reason, e.g.
    "GHSA-xxxx-xxxx-xxxx": "only affects the X backend, which Cible does not use",

pip-audit asks a vulnerability service (PyPI's JSON API by default) about each
package. Where that service cannot be reached, or does not know a package (a
private mirror), the packages are NOT audited: this script says so loudly and,
unless PIP_AUDIT_STRICT=1, does not fail the build for it, because that is a
fact about the machine, not about the code.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIP_AUDIT = ROOT / ".venv" / "bin" / "pip-audit"
EXPLAINED = {}


def main():
    strict = os.environ.get("PIP_AUDIT_STRICT") == "1"
    with tempfile.TemporaryDirectory() as tmp:
        report_path = Path(tmp) / "audit.json"
        command = [str(PIP_AUDIT), "-r", "requirements.txt", "--progress-spinner", "off", "--format", "json"]
        command += ["--output", str(report_path)]
        for vuln_id in EXPLAINED:
            command += ["--ignore-vuln", vuln_id]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)  # noqa: S603
        report = json.loads(report_path.read_text()) if report_path.exists() and report_path.stat().st_size else None
    if report is None:
        print(done.stderr[-2000:], file=sys.stderr)
        print("pip-audit could not reach its vulnerability service: the requirements were NOT audited.")
        return 1 if strict else 0

    findings = [(dep, vuln) for dep in report["dependencies"] for vuln in dep.get("vulns", [])]
    unaudited = [dep for dep in report["dependencies"] if dep.get("skip_reason")]
    for dep, vuln in findings:
        fixes = ", ".join(vuln.get("fix_versions") or []) or "none yet"
        print(f"VULNERABLE {dep['name']}=={dep['version']}: {vuln['id']} (fixed in {fixes})")
    for vuln_id, reason in EXPLAINED.items():
        print(f"accepted {vuln_id}: {reason}")
    if unaudited:
        print(
            f"NOT AUDITED: {len(unaudited)} of {len(report['dependencies'])} packages, e.g. {unaudited[0]['skip_reason']}"
        )
        print("The vulnerability service does not know these packages from this machine (offline or a private mirror).")
    audited = len(report["dependencies"]) - len(unaudited)
    print(f"pip-audit: {audited} packages audited, {len(findings)} unexplained vulnerabilities.")
    if findings:
        return 1
    return 1 if (unaudited and strict) else 0


if __name__ == "__main__":
    sys.exit(main())
