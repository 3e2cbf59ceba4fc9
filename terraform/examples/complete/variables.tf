variable "region" {
  description = "AWS region of the cluster."
  type        = string
  default     = "eu-central-1"
}

variable "cluster_name" {
  description = "Name of the existing EKS cluster."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets (two or more AZs) for RDS and ElastiCache."
  type        = list(string)
}

variable "eks_oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider."
  type        = string
}

variable "image_repository" {
  description = "Where you pushed the gateway image (e.g. an ECR repository URL)."
  type        = string
}

variable "image_tag" {
  description = "Gateway image tag."
  type        = string
  default     = "0.1.0"
}

variable "image_digest" {
  description = "Gateway image digest (sha256:...)."
  type        = string
  default     = ""
}

variable "rds_ca_bundle_file" {
  description = "Path of the downloaded RDS CA bundle (curl -fsSLo global-bundle.pem https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem)."
  type        = string
}

variable "shared_secrets_dir" {
  description = "Data dir of a first `./sovereign up` whose admin.token, keyhash.secret, log.key, scan.key and fingerprint.keys every replica shares (empty: an existing Secret sovereign-router-shared)."
  type        = string
  default     = ""
}
