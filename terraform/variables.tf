variable "name" {
  description = "Name prefix of every resource (also the Helm release name)."
  type        = string
  default     = "sovereign-router"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}[a-z0-9]$", var.name))
    error_message = "name must be 4-32 characters of lower-case letters, digits and '-', starting with a letter."
  }
}

variable "tags" {
  description = "Tags added to every AWS resource."
  type        = map(string)
  default     = {}
}

variable "vpc_id" {
  description = "VPC of the EKS cluster; RDS and ElastiCache are placed in its private subnets."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0123456789abcdef0."
  }
}

variable "private_subnet_ids" {
  description = "At least two private subnets in different availability zones (no route to an internet gateway)."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2 && alltrue([for s in var.private_subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
    error_message = "private_subnet_ids needs two or more subnet ids (subnet-...)."
  }
}

variable "client_security_group_ids" {
  description = "Security groups of the EKS nodes/pods allowed to reach PostgreSQL and Redis."
  type        = list(string)

  validation {
    condition     = length(var.client_security_group_ids) >= 1 && alltrue([for s in var.client_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", s))])
    error_message = "client_security_group_ids needs one or more security group ids (sg-...)."
  }
}

variable "eks_oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider (IRSA)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/.+$", var.eks_oidc_provider_arn))
    error_message = "eks_oidc_provider_arn must be an IAM OIDC provider ARN."
  }
}

variable "namespace" {
  description = "Kubernetes namespace of the release."
  type        = string
  default     = "sovereign-router"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS-1123 label."
  }
}

variable "create_namespace" {
  description = "Let the Helm release create the namespace."
  type        = bool
  default     = true
}

variable "service_account_name" {
  description = "Kubernetes service account the IRSA role trusts (the chart creates it)."
  type        = string
  default     = "sovereign-router"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.service_account_name))
    error_message = "service_account_name must be a DNS-1123 subdomain."
  }
}

variable "kms_deletion_window_days" {
  description = "Waiting period before a scheduled KMS key deletion."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}

variable "kms_rotation_period_days" {
  description = "Automatic rotation period of the KMS keys."
  type        = number
  default     = 365

  validation {
    condition     = var.kms_rotation_period_days >= 90 && var.kms_rotation_period_days <= 2560
    error_message = "kms_rotation_period_days must be between 90 and 2560 (AWS limits)."
  }
}

variable "db_engine_version" {
  description = "PostgreSQL major.minor version of RDS."
  type        = string
  default     = "16.4"

  validation {
    condition     = can(regex("^(1[5-9]|[2-9][0-9])(\\.[0-9]+)?$", var.db_engine_version))
    error_message = "db_engine_version must be PostgreSQL 15 or newer."
  }
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"

  validation {
    condition     = startswith(var.db_instance_class, "db.")
    error_message = "db_instance_class must start with db."
  }
}

variable "db_allocated_storage_gb" {
  description = "Initial RDS storage in GiB (autoscaling up to 5x)."
  type        = number
  default     = 50

  validation {
    condition     = var.db_allocated_storage_gb >= 20 && var.db_allocated_storage_gb <= 65536
    error_message = "db_allocated_storage_gb must be between 20 and 65536."
  }
}

variable "db_multi_az" {
  description = "Run RDS as Multi-AZ."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  description = "Days of automated RDS backups."
  type        = number
  default     = 14

  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 7 and 35."
  }
}

variable "deletion_protection" {
  description = "Protect RDS from deletion (turn off only to tear a test stack down)."
  type        = bool
  default     = true
}

variable "redis_engine_version" {
  description = "ElastiCache Redis OSS engine version."
  type        = string
  default     = "7.1"

  validation {
    condition     = can(regex("^[67]\\.[0-9]+$", var.redis_engine_version))
    error_message = "redis_engine_version must be 6.x or 7.x (AUTH + TLS)."
  }
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"

  validation {
    condition     = startswith(var.redis_node_type, "cache.")
    error_message = "redis_node_type must start with cache."
  }
}

variable "redis_num_cache_clusters" {
  description = "Primary plus replicas (2 or more for automatic failover)."
  type        = number
  default     = 2

  validation {
    condition     = var.redis_num_cache_clusters >= 2 && var.redis_num_cache_clusters <= 6
    error_message = "redis_num_cache_clusters must be between 2 and 6."
  }
}

variable "log_archive_retention_days" {
  description = "Object Lock default retention of archived log tiles."
  type        = number
  default     = 2555

  validation {
    condition     = var.log_archive_retention_days >= 1 && var.log_archive_retention_days <= 36500
    error_message = "log_archive_retention_days must be between 1 and 36500."
  }
}

variable "log_archive_object_lock_mode" {
  description = "COMPLIANCE (nobody, root included, can shorten retention) or GOVERNANCE (privileged override)."
  type        = string
  default     = "COMPLIANCE"

  validation {
    condition     = contains(["COMPLIANCE", "GOVERNANCE"], var.log_archive_object_lock_mode)
    error_message = "log_archive_object_lock_mode must be COMPLIANCE or GOVERNANCE."
  }
}

variable "access_log_bucket" {
  description = "Existing S3 bucket for server access logs of the archive bucket (empty: no access logging)."
  type        = string
  default     = ""
}

variable "create_kubernetes_secrets" {
  description = "Write the PostgreSQL password and Redis AUTH token into Kubernetes Secrets for the chart."
  type        = bool
  default     = true
}

variable "rds_ca_bundle_pem" {
  description = "PEM CA bundle RDS server certificates chain to (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem or the region's bundle); the gateway verifies RDS with ssl-mode verify-full against it."
  type        = string

  validation {
    condition     = can(regex("-----BEGIN CERTIFICATE-----", var.rds_ca_bundle_pem))
    error_message = "rds_ca_bundle_pem must hold PEM certificates (-----BEGIN CERTIFICATE-----)."
  }
}

variable "shared_secrets_dir" {
  description = "Data dir of a first `./sovereign up` (admin.token, keyhash.secret, log.key, scan.key, fingerprint.keys, optional demo.key) to put into the shared Secret; empty: the Secret named by shared_secrets_name must exist in the namespace already."
  type        = string
  default     = ""
}

variable "shared_secrets_name" {
  description = "Name of the Kubernetes Secret with the shared data-dir secrets (default: <name>-shared)."
  type        = string
  default     = ""

  validation {
    condition     = var.shared_secrets_name == "" || can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.shared_secrets_name))
    error_message = "shared_secrets_name must be a DNS-1123 label (or empty for <name>-shared)."
  }
}

variable "chart_path" {
  description = "Path or repository URL of the sovereign-router chart (default: the chart in this repository)."
  type        = string
  default     = ""
}

variable "image_repository" {
  description = "Gateway image repository (built from gateway/Dockerfile and pushed to your registry, e.g. ECR)."
  type        = string
}

variable "image_tag" {
  description = "Gateway image tag."
  type        = string
  default     = "0.1.0"
}

variable "image_digest" {
  description = "Gateway image digest (sha256:...); preferred over the tag when set."
  type        = string
  default     = ""

  validation {
    condition     = var.image_digest == "" || can(regex("^sha256:[0-9a-f]{64}$", var.image_digest))
    error_message = "image_digest must be empty or sha256:<64 hex>."
  }
}

variable "replicas" {
  description = "Gateway replicas (HPA minimum when autoscaling), all on the shared RDS PostgreSQL and ElastiCache Redis."
  type        = number
  default     = 3

  validation {
    condition     = var.replicas >= 1 && var.replicas <= 100
    error_message = "replicas must be between 1 and 100."
  }
}

variable "autoscaling_max_replicas" {
  description = "HPA maximum replicas (0 disables the HPA)."
  type        = number
  default     = 10

  validation {
    condition     = var.autoscaling_max_replicas == 0 || var.autoscaling_max_replicas >= 2
    error_message = "autoscaling_max_replicas must be 0 or at least 2."
  }
}

variable "helm_values" {
  description = "Extra chart values (YAML strings) merged after the module's own; never put secrets here."
  type        = list(string)
  default     = []
}
