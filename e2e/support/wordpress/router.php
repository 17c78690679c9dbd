<?php
// php -S router: Debian's WordPress, its config named by PERRON_WP_CONFIG (Debian's wp-config.php reads
// /etc/wordpress/config-<name>.php), wp-content from the test's own folder.
$_SERVER['WORDPRESS_CONFIG'] = getenv('PERRON_WP_CONFIG');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (str_starts_with($path, '/wp-content/')) {
    $file = realpath(getenv('PERRON_WP_CONTENT') . substr($path, strlen('/wp-content')));
    if ($file && str_starts_with($file, realpath(getenv('PERRON_WP_CONTENT'))) && is_file($file)) {
        $types = ['css' => 'text/css', 'js' => 'text/javascript'];
        header('Content-Type: ' . ($types[pathinfo($file, PATHINFO_EXTENSION)] ?? 'application/octet-stream'));
        readfile($file);
        return true;
    }
    http_response_code(404);
    return true;
}
$file = '/usr/share/wordpress' . $path;
if (is_file($file) && !str_ends_with($file, '.php')) return false;
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) $file = rtrim($file, '/') . '/index.php';
if (!is_file($file)) $file = '/usr/share/wordpress/index.php';
chdir(dirname($file));
require $file;
