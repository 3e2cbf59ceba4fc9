"""Project rules for rendered sovereign-router manifests, beyond what checkov checks.

Usage: python check_rendered.py RENDERED.yaml   (exit 1 and one line per violation)
Run by `./sovereign test` (run_deploy_checks) on every `helm template` output of the CI matrix.
"""

import re
import sys

import yaml

SECRET_NAME = re.compile(r"(PASSWORD|TOKEN|SECRET|API_KEY|ACCESS_KEY|CREDENTIALS?)$")
ENV_REF = re.compile(r"^env:([A-Za-z_][A-Za-z0-9_]*)$")
SHARED_SECRETS_INIT = ["java", "-cp", "/app/tools", "SharedSecrets", "/etc/sovereign/shared",
                       "/var/lib/sovereign"]


def env_refs(node):
    """Every `env:NAME` secret reference anywhere in the gateway config."""
    if isinstance(node, dict):
        for v in node.values():
            yield from env_refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from env_refs(v)
    elif isinstance(node, str) and ENV_REF.match(node):
        yield ENV_REF.match(node).group(1)


def main(path):
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    errors = []
    kinds = {}
    for d in docs:
        kinds.setdefault(d["kind"], []).append(d)

    if "Secret" in kinds:
        errors.append("the chart must not render Secrets (only reference existing ones)")

    admin_exposed = False
    refs = None
    external = False
    for cm in kinds.get("ConfigMap", []):
        cfg = yaml.safe_load(cm["data"]["config.yaml"])
        refs = set(env_refs(cfg))
        storage = cfg.get("storage", {})
        external = storage.get("backend") == "postgres"
        if external:
            pg = storage["postgres"]
            if pg.get("password-ref") != "env:SOVEREIGN_PG_PASSWORD":
                errors.append(f"storage.postgres.password-ref: {pg.get('password-ref')}")
            limits = cfg.get("rate-limits", {})
            if limits.get("backend") != "redis" or limits.get("redis-password") != "env:SOVEREIGN_REDIS_PASSWORD":
                errors.append(f"external storage needs rate-limits on redis with an env: password: {limits}")
        server = cfg["server"]
        admin_exposed = server["admin-host"] != "127.0.0.1"
        if server["host"] != "0.0.0.0" or server["data-dir"] != "/var/lib/sovereign":
            errors.append(f"config server block: {server}")

    for svc in kinds.get("Service", []):
        is_admin = svc["metadata"]["name"].endswith("-admin")
        for port in svc["spec"]["ports"]:
            if port["targetPort"] == "admin" and not is_admin:
                errors.append(f"Service {svc['metadata']['name']} exposes the admin port")
        if is_admin and svc["spec"]["type"] != "ClusterIP":
            errors.append("the admin Service must be ClusterIP")
        if is_admin and not admin_exposed and kinds.get("ConfigMap"):
            errors.append("admin Service rendered while the admin port is bound to loopback")

    deployments = kinds.get("Deployment", [])
    if len(deployments) != 1:
        errors.append(f"expected one Deployment, found {len(deployments)}")
    for dep in deployments:
        pod = dep["spec"]["template"]["spec"]
        psc = pod.get("securityContext", {})
        if psc.get("runAsNonRoot") is not True:
            errors.append("pod securityContext.runAsNonRoot must be true")
        if psc.get("seccompProfile", {}).get("type") != "RuntimeDefault":
            errors.append("pod seccompProfile must be RuntimeDefault")
        if pod.get("automountServiceAccountToken") is not False:
            errors.append("automountServiceAccountToken must be false")
        for c in pod["containers"]:
            name = c["name"]
            sc = c.get("securityContext", {})
            want = {"runAsNonRoot": True, "readOnlyRootFilesystem": True,
                    "allowPrivilegeEscalation": False, "privileged": False}
            for key, value in want.items():
                if sc.get(key) is not value:
                    errors.append(f"container {name}: securityContext.{key} must be {value}")
            if "ALL" not in sc.get("capabilities", {}).get("drop", []):
                errors.append(f"container {name}: capabilities must drop ALL")
            if not c.get("resources", {}).get("requests"):
                errors.append(f"container {name}: resource requests missing")
            if not c.get("resources", {}).get("limits", {}).get("memory"):
                errors.append(f"container {name}: memory limit missing")
            from_secret = set()
            for env in c.get("env", []):
                if SECRET_NAME.search(env["name"]) and "value" in env:
                    errors.append(f"container {name}: env {env['name']} carries a plain value")
                if "valueFrom" in env and "secretKeyRef" in env["valueFrom"]:
                    from_secret.add(env["name"])
            if name != "gateway" and from_secret:
                errors.append(f"container {name}: env from Secrets {sorted(from_secret)}")
            if name == "gateway" and refs is not None:
                # The config's env: references and the Secret-backed variables are the same set:
                # no reference without its variable, no Secret in the env the config never names.
                if refs - from_secret:
                    errors.append(f"config references env:{sorted(refs - from_secret)} but the gateway has no such Secret-backed env")
                if from_secret - refs:
                    errors.append(f"gateway env {sorted(from_secret - refs)} from Secrets is never referenced by the config")
            if name == "gateway":
                live = c.get("livenessProbe", {}).get("httpGet", {}).get("path")
                ready = c.get("readinessProbe", {}).get("httpGet", {}).get("path")
                if live != "/healthz" or ready != "/readyz":
                    errors.append(f"gateway probes: liveness {live}, readiness {ready}")
                ports = {p["name"] for p in c.get("ports", [])}
                if "admin" in ports and not admin_exposed:
                    errors.append("gateway declares the admin port while it is loopback-only")
                mounts = {m["mountPath"]: m for m in c.get("volumeMounts", [])}
                for mount_path in ("/var/lib/sovereign", "/tmp"):
                    if mount_path not in mounts:
                        errors.append(f"gateway: no writable volume at {mount_path} (read-only root FS)")

        inits = {c["name"]: c for c in pod.get("initContainers", [])}
        secret_volumes = {v["name"]: v["secret"] for v in pod.get("volumes", []) if "secret" in v}
        if external and "shared-secrets" not in inits:
            errors.append("external storage without the shared-secrets init container")
        if "shared-secrets" in inits:
            init = inits["shared-secrets"]
            if init.get("command") != SHARED_SECRETS_INIT:
                errors.append(f"shared-secrets init command: {init.get('command')}")
            mounts = {m["mountPath"]: m for m in init.get("volumeMounts", [])}
            if "/var/lib/sovereign" not in mounts or "/etc/sovereign/shared" not in mounts:
                errors.append(f"shared-secrets init mounts: {sorted(mounts)}")
            if secret_volumes.get("shared-secrets", {}).get("defaultMode") not in (0o400, 0o600):
                errors.append("shared-secrets volume must be mode 0400 or 0600")
        for c in pod["containers"]:
            for m in c.get("volumeMounts", []):
                if m["name"] in secret_volumes and c["name"] == "gateway":
                    errors.append(f"gateway mounts Secret volume {m['name']} (copy through the init container)")

    for e in errors:
        print(f"{path}: {e}")
    print(f"{path}: {len(docs)} manifests, {len(errors)} rule violations")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
