/** HTTP plumbing shared by every feature: the JAX-RS application, the one error shape and its mappers. */
package kr.dat.platform.rest;
