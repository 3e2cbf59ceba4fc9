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
