{{- define "sovereign-router.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "sovereign-router.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "sovereign-router.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sovereign-router.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "sovereign-router.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "sovereign-router.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "sovereign-router.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "sovereign-router.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* image reference: repository[:tag][@digest] */}}
{{- define "sovereign-router.image" -}}
{{- $img := .image -}}
{{- $ref := printf "%s:%s" $img.repository (default .appVersion $img.tag) -}}
{{- if $img.digest -}}{{- $ref = printf "%s@%s" $ref $img.digest -}}{{- end -}}
{{- $ref -}}
{{- end -}}

{{- define "sovereign-router.configMapName" -}}
{{- default (printf "%s-config" (include "sovereign-router.fullname" .)) .Values.existingConfigMap -}}
{{- end -}}

{{/* Fails early on settings that cannot work together. */}}
{{- define "sovereign-router.validate" -}}
{{- if not (has .Values.storage.mode (list "external" "embedded")) -}}
{{- fail "storage.mode must be external or embedded" -}}
{{- end -}}
{{- if eq .Values.storage.mode "external" -}}
{{- if not .Values.postgresql.host -}}{{- fail "storage.mode=external needs postgresql.host (or set storage.mode=embedded)" -}}{{- end -}}
{{- if not .Values.postgresql.existingSecret -}}{{- fail "storage.mode=external needs postgresql.existingSecret (a Secret with the database password; never a plain value)" -}}{{- end -}}
{{- if not .Values.redis.host -}}{{- fail "storage.mode=external needs redis.host" -}}{{- end -}}
{{- if not .Values.redis.existingSecret -}}{{- fail "storage.mode=external needs redis.existingSecret (a Secret with the AUTH token; never a plain value)" -}}{{- end -}}
{{- if not .Values.sharedSecrets.existingSecret -}}{{- fail "storage.mode=external needs sharedSecrets.existingSecret (admin.token, keyhash.secret, log.key, scan.key, fingerprint.keys shared by every replica; README: Deploy)" -}}{{- end -}}
{{- if and (eq .Values.postgresql.sslMode "verify-full") (not .Values.postgresql.caBundle.configMap) -}}{{- fail "postgresql.sslMode=verify-full needs postgresql.caBundle.configMap (a ConfigMap with the server's CA bundle, e.g. the RDS global-bundle.pem)" -}}{{- end -}}
{{- else -}}
{{- if or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled -}}
{{- fail "storage.mode=embedded (SQLite + file log on one volume) supports exactly one replica: set replicaCount=1 and autoscaling.enabled=false" -}}
{{- end -}}
{{- end -}}
{{- range $key := list "server" "storage" "rate-limits" -}}
{{- if hasKey (default (dict) $.Values.config) $key -}}
{{- fail (printf "config.%s is rendered by the chart from its values (server.*, storage/postgresql/redis); remove it from config" $key) -}}
{{- end -}}
{{- end -}}
{{- if and (kindIs "map" .Values.config.policy) (or (hasKey .Values.config.policy "engine") (hasKey .Values.config.policy "server-url")) -}}
{{- fail "config.policy.engine and server-url are rendered from policy.engine (and the OPA sidecar); remove them from config.policy" -}}
{{- end -}}
{{- if and (eq .Values.policy.engine "server") (not .Values.opa.enabled) -}}
{{- fail "policy.engine=server needs opa.enabled=true (the OPA sidecar)" -}}
{{- end -}}
{{- if and .Values.opa.enabled (not .Values.policy.bundleConfigMap) -}}
{{- fail "opa.enabled needs policy.bundleConfigMap (a ConfigMap holding the policy bundle)" -}}
{{- end -}}
{{- if and .Values.serviceMonitor.enabled (not .Values.admin.expose) -}}
{{- fail "serviceMonitor.enabled needs admin.expose=true (/metrics is on the admin port)" -}}
{{- end -}}
{{- if and (ne .Values.kms.provider "none") (not .Values.kms.keyId) -}}
{{- fail "kms.provider set but kms.keyId is empty" -}}
{{- end -}}
{{- end -}}

{{/* Where the PostgreSQL CA bundle ConfigMap is mounted. */}}
{{- define "sovereign-router.postgresCaDir" -}}/etc/sovereign/postgresql-ca{{- end -}}

{{/* The gateway config file (YAML) the chart renders: values-owned blocks merged into `config`. */}}
{{- define "sovereign-router.gatewayConfig" -}}
{{- $v := .Values -}}
{{- $cfg := deepCopy (default (dict) $v.config) -}}
{{- $server := dict "host" "0.0.0.0" "port" (int $v.server.port) "admin-host" (ternary "0.0.0.0" "127.0.0.1" $v.admin.expose) "admin-port" (int $v.server.adminPort) "data-dir" "/var/lib/sovereign" "body-limit-bytes" (int64 $v.server.bodyLimitBytes) -}}
{{- $_ := set $cfg "server" $server -}}
{{- if not $cfg.routing }}{{- $cfg = omit $cfg "routing" }}{{- end }}
{{- if eq $v.storage.mode "external" -}}
{{- $pg := dict "host" $v.postgresql.host "port" (int $v.postgresql.port) "database" $v.postgresql.database "user" $v.postgresql.user "password-ref" "env:SOVEREIGN_PG_PASSWORD" "pool-size" (int $v.postgresql.poolSize) "connect-timeout-ms" (int64 $v.postgresql.connectTimeoutMs) "ssl-mode" $v.postgresql.sslMode -}}
{{- if eq $v.postgresql.sslMode "verify-full" -}}
{{- $_ := set $pg "ssl-root-cert" (printf "%s/%s" (include "sovereign-router.postgresCaDir" .) $v.postgresql.caBundle.key) -}}
{{- end -}}
{{- $_ := set $cfg "storage" (dict "backend" "postgres" "postgres" $pg) -}}
{{- $url := printf "%s://%s:%d" (ternary "rediss" "redis" $v.redis.tls) $v.redis.host (int $v.redis.port) -}}
{{- $_ := set $cfg "rate-limits" (dict "backend" "redis" "redis-url" $url "redis-password" "env:SOVEREIGN_REDIS_PASSWORD" "key-prefix" $v.redis.keyPrefix) -}}
{{- end -}}
{{- if eq $v.policy.engine "server" -}}
{{- $policy := default (dict) $cfg.policy -}}
{{- $_ := set $policy "engine" "server" -}}
{{- $_ := set $policy "server-url" "http://127.0.0.1:8181" -}}
{{- $_ := set $cfg "policy" $policy -}}
{{- end -}}
{{- toYaml $cfg -}}
{{- end -}}
