package org.podium.platform;

/**
 * JNDI names of what the server administrator creates with {@code server-config/}: Podium looks
 * them up by these names on every server.
 */
public final class Resources {

  /** The PostgreSQL XA datasource (WildFly requires datasource names under java:jboss/). */
  public static final String DATASOURCE = "java:jboss/datasources/PodiumDS";

  /** The queue of run requests: each message carries one submission id. */
  public static final String RUN_QUEUE = "java:global/jms/podium/RunRequests";

  /** Where run requests land after their last failed delivery. */
  public static final String RUN_DEAD_LETTER_QUEUE = "java:global/jms/podium/RunRequestsDLQ";

  /** The managed executor that drives sandbox runs. */
  public static final String COMPUTE_EXECUTOR = "java:global/concurrent/podium/compute";

  /** The JMS connection factory every Jakarta EE server provides, enlisted in JTA. */
  public static final String CONNECTION_FACTORY = "java:comp/DefaultJMSConnectionFactory";

  private Resources() {}
}
