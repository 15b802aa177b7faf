/** Building the real drivers from station configuration entries by their {@code type}. */
package studio.tandem.teleop.drivers;
