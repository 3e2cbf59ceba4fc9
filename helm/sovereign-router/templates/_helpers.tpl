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
{{- else -}}
{{- if or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled -}}
{{- fail "storage.mode=embedded (SQLite + file log on one volume) supports exactly one replica: set replicaCount=1 and autoscaling.enabled=false" -}}
{{- end -}}
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
{{- if and .Values.serviceMonitor.enabled (not .Values.serviceMonitor.bearerTokenSecret.name) -}}
{{- fail "serviceMonitor.enabled needs serviceMonitor.bearerTokenSecret.name (the admin token Secret)" -}}
{{- end -}}
{{- if and (ne .Values.kms.provider "none") (not .Values.kms.keyId) -}}
{{- fail "kms.provider set but kms.keyId is empty" -}}
{{- end -}}
{{- end -}}
