{{/* The release's base name: the release name, prefixed with "schemagate" unless it has it. */}}
{{- define "schemagate.fullname" -}}
{{- if contains "schemagate" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-schemagate" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object; call with (dict "ctx" $ "component" "registry"). */}}
{{- define "schemagate.labels" -}}
{{ include "schemagate.selectorLabels" . }}
app.kubernetes.io/part-of: schemagate
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version }}
{{- end -}}

{{- define "schemagate.selectorLabels" -}}
app.kubernetes.io/name: schemagate-{{ .component }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* <image.registry>/schemagate-<component>:<tag or appVersion> */}}
{{- define "schemagate.image" -}}
{{- printf "%s/schemagate-%s:%s" (.ctx.Values.image.registry | trimSuffix "/") .component (.ctx.Values.image.tag | default .ctx.Chart.AppVersion) -}}
{{- end -}}

{{- define "schemagate.registryUrl" -}}
{{- if .Values.registry.enabled -}}
{{- printf "http://%s-registry.%s.svc:%v" (include "schemagate.fullname" .) .Release.Namespace .Values.registry.port -}}
{{- else -}}
{{- required "registry.externalUrl is required when registry.enabled=false (the registry the operator and webhooks use)" .Values.registry.externalUrl -}}
{{- end -}}
{{- end -}}

{{/* SCHEMAGATE_ENVIRONMENTS: name=url[,name=url...], the one format operator and webhooks read. */}}
{{- define "schemagate.environments" -}}
{{- $registry := include "schemagate.registryUrl" . -}}
{{- $pairs := list -}}
{{- $seen := dict -}}
{{- range .Values.environments -}}
{{- if hasKey $seen .name -}}
{{- fail (printf "environments: %q is listed twice" .name) -}}
{{- end -}}
{{- $_ := set $seen .name true -}}
{{- $pairs = append $pairs (printf "%s=%s" .name (.url | default $registry)) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}

{{- define "schemagate.environment" -}}
{{- .Values.environment | default (first .Values.environments).name -}}
{{- end -}}

{{- define "schemagate.authSecretName" -}}
{{- .Values.registry.auth.existingSecret | default (printf "%s-registry-auth" (include "schemagate.fullname" .)) -}}
{{- end -}}

{{/* Registry client settings shared by operator and webhooks (names from registry-client). */}}
{{- define "schemagate.registryClientEnv" -}}
- name: SCHEMAGATE_REGISTRY_URL
  value: {{ include "schemagate.registryUrl" . | quote }}
- name: SCHEMAGATE_ENVIRONMENTS
  value: {{ include "schemagate.environments" . | quote }}
- name: SCHEMAGATE_LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
{{- if and .Values.registry.auth.enabled }}
- name: SCHEMAGATE_REGISTRY_USER
  valueFrom:
    secretKeyRef: {name: {{ include "schemagate.authSecretName" . }}, key: username}
- name: SCHEMAGATE_REGISTRY_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ include "schemagate.authSecretName" . }}, key: password}
{{- end }}
{{- end -}}

{{- define "schemagate.podScheduling" -}}
{{- with .nodeSelector }}
nodeSelector: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .tolerations }}
tolerations: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .affinity }}
affinity: {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "schemagate.imagePullSecrets" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets: {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "schemagate.webhookTlsSecret" -}}
{{- if eq .Values.webhooks.tls.mode "secret" -}}
{{- required "webhooks.tls.existingSecret is required when webhooks.tls.mode=secret" .Values.webhooks.tls.existingSecret -}}
{{- else -}}
{{- printf "%s-webhooks-tls" (include "schemagate.fullname" .) -}}
{{- end -}}
{{- end -}}
