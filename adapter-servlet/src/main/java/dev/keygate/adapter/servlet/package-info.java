/**
 * The servlet adapter: {@link dev.keygate.adapter.servlet.KeygateFilter}, a Jakarta Servlet filter
 * that guards a host application's own requests with Keygate keys in any servlet container, and
 * {@link dev.keygate.adapter.servlet.VerifiedKey}, the key it hands to the application.
 */
package dev.keygate.adapter.servlet;
