<?php
// Installs the site (once) and publishes a post whose content is the given text: argv[1] the site's URL,
// argv[2] the post's content. Prints the post's address.
$_SERVER['WORDPRESS_CONFIG'] = getenv('PERRON_WP_CONFIG');
$_SERVER['HTTP_HOST'] = parse_url($argv[1], PHP_URL_HOST) . ':' . parse_url($argv[1], PHP_URL_PORT);
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) wp_install('Site de quartier', 'admin', 'admin@example.org', true, '', wp_generate_password(20));
update_option('siteurl', $argv[1]);
update_option('home', $argv[1]);
update_option('template', 'perron-test');
update_option('stylesheet', 'perron-test');
$id = wp_insert_post(['post_title' => 'Un projet du quartier', 'post_content' => $argv[2], 'post_status' => 'publish', 'post_author' => 1]);
echo $argv[1] . '/?p=' . $id;
