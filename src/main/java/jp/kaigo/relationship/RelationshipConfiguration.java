package jp.kaigo.relationship;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The nightly end of relationships without claims runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RelationshipConfiguration {
}
