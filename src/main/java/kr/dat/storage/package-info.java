/** Object storage of result files: an S3 bucket through the AWS SDK v2 (any S3-compatible endpoint). */
package kr.dat.storage;
