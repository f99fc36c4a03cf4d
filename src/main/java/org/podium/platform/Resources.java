package org.podium.platform;

/**
 * The names under which Podium finds what the server administrator creates with {@code
 * server-config/}: resource references in the application's own environment ({@code
 * java:comp/env}), injected with {@code @Resource(name = ...)}. Each server maps them to its own
 * names in a vendor descriptor: {@code WEB-INF/jboss-web.xml} (WildFly) and {@code
 * WEB-INF/glassfish-web.xml} (Payara), because no one JNDI name is legal on both (WildFly binds
 * server resources under {@code java:/}, {@code java:jboss/} or {@code java:global/}; Payara's
 * asadmin refuses a colon in a resource name).
 */
public final class Resources {

  /** The PostgreSQL XA datasource (WildFly java:/jdbc/podium, Payara jdbc/podium). */
  public static final String DATASOURCE = "jdbc/podium";

  /**
   * The queue of run requests: each message carries one submission id (WildFly
   * java:global/jms/podium/RunRequests, Payara jms/podium/RunRequests).
   */
  public static final String RUN_QUEUE = "jms/podium/RunRequests";

  /**
   * The run queue's name for the message-driven bean's {@code destinationLookup}, which is not a
   * reference: Payara's name here; WildFly's jboss-ejb3.xml replaces it with its own.
   */
  public static final String RUN_QUEUE_DESTINATION = "jms/podium/RunRequests";

  /**
   * The topic of run control: each message names one attempt whose containers must stop, heard by
   * every node (WildFly java:global/jms/podium/RunControl, Payara jms/podium/RunControl).
   */
  public static final String RUN_CONTROL_TOPIC = "jms/podium/RunControl";

  /** The run-control topic's name for its listener's activation: Payara's (see the queue's). */
  public static final String RUN_CONTROL_DESTINATION = "jms/podium/RunControl";

  /**
   * The managed executor that drives sandbox runs (WildFly java:global/concurrent/podium/compute,
   * Payara concurrent/podium/compute).
   */
  public static final String COMPUTE_EXECUTOR = "concurrent/podium/compute";

  /** The JMS connection factory every Jakarta EE server provides, enlisted in JTA. */
  public static final String CONNECTION_FACTORY = "java:comp/DefaultJMSConnectionFactory";

  private Resources() {}
}
